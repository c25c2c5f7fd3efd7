import { PrinterOutlined } from "@ant-design/icons";
import type { LocalizedText } from "@tessera/metadata";
import { Alert, Button, Dropdown, Modal } from "antd";
import { useRef, useState } from "react";
import { ApiError, get } from "../api/http.js";
import { defineMessages } from "../i18n/define-messages.js";
import { useLocale } from "../i18n/locale-context.js";

export interface TemplateInfo {
  name: string;
  label: LocalizedText;
  purpose: string;
}

const usePrintText = defineMessages(
  {
    "print.button": "Print",
    "print.print": "Print",
    "print.close": "Close",
    "print.failed": "The page could not be rendered",
  },
  {
    "print.button": "打印",
    "print.print": "打印",
    "print.close": "关闭",
    "print.failed": "无法生成打印页面",
  },
);

/**
 * Print templates of the object: rendered by the server for this user (their field-level
 * security), previewed in an iframe that may not run scripts, printed from there.
 */
export const PrintMenu = ({
  object,
  id,
  templates,
}: {
  object: string;
  id: string;
  templates: readonly TemplateInfo[];
}) => {
  const t = usePrintText();
  const { label } = useLocale();
  const frame = useRef<HTMLIFrameElement>(null);
  const [page, setPage] = useState<{ title: string; html: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [menu, setMenu] = useState<{ open: boolean; byKeyboard: boolean }>({
    open: false,
    byKeyboard: false,
  });
  const prints = templates.filter((template) => template.purpose === "print");
  if (prints.length === 0) return null;
  const open = async (template: TemplateInfo) => {
    setError(undefined);
    try {
      const rendered = await get<{ body: string }>(
        `/api/v1/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}/render/${encodeURIComponent(template.name)}`,
      );
      setPage({ title: label(template.label, template.name), html: rendered.body });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.title : String(failure));
    }
  };
  return (
    <>
      <Dropdown
        // Opens on hover, and on Enter or Space on the button (a hover menu alone is out of the
        // keyboard's reach); opened from the keyboard, it takes the focus so the arrow keys pick.
        open={menu.open}
        onOpenChange={(open) => setMenu({ open, byKeyboard: false })}
        autoFocus={menu.byKeyboard}
        menu={{
          items: prints.map((template) => ({
            key: template.name,
            label: label(template.label, template.name),
          })),
          onClick: ({ key }) => {
            setMenu({ open: false, byKeyboard: false });
            const template = prints.find((p) => p.name === key);
            if (template !== undefined) void open(template);
          },
        }}
      >
        <Button
          icon={<PrinterOutlined />}
          // A click the keyboard made (Enter, Space) has no mouse position: detail is 0.
          onClick={(event) => setMenu({ open: true, byKeyboard: event.detail === 0 })}
        >
          {t("print.button")}
        </Button>
      </Dropdown>
      {error !== undefined && <Alert type="error" title={`${t("print.failed")}: ${error}`} showIcon />}
      <Modal
        open={page !== undefined}
        title={page?.title}
        width={860}
        onCancel={() => setPage(undefined)}
        footer={[
          <Button key="close" onClick={() => setPage(undefined)}>
            {t("print.close")}
          </Button>,
          <Button
            key="print"
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => frame.current?.contentWindow?.print()}
          >
            {t("print.print")}
          </Button>,
        ]}
      >
        {page !== undefined && (
          <iframe
            ref={frame}
            title={page.title}
            // Same origin so Print can reach it, but no scripts: the markup is admin-authored.
            sandbox="allow-same-origin allow-modals"
            srcDoc={page.html}
            style={{ width: "100%", height: 520, border: "1px solid #ddd" }}
          />
        )}
      </Modal>
    </>
  );
};
