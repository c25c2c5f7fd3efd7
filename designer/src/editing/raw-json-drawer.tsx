import { isPlainObject } from "@tessera/metadata";
import { Alert, Button, Drawer, Input, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useDesignerText } from "../i18n/designer-texts.js";

interface Props {
  open: boolean;
  title: string;
  value: unknown;
  onApply: (document: Record<string, unknown>) => void;
  onClose: () => void;
}

/** The raw JSON of a document, for implementers: edited as text, applied as one undo step. */
export const RawJsonDrawer = ({ open, title, value, onApply, onClose }: Props) => {
  const t = useDesignerText();
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (open) {
      setText(JSON.stringify(value, null, 2));
      setError(undefined);
    }
  }, [open, value]);
  const apply = () => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!isPlainObject(parsed)) {
        setError(t("json.notObject"));
        return;
      }
      onApply(parsed);
      onClose();
    } catch (failure) {
      setError(t("json.invalid", { reason: failure instanceof Error ? failure.message : String(failure) }));
    }
  };
  return (
    <Drawer
      open={open}
      title={t("json.title", { document: title })}
      size="large"
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t("json.cancel")}</Button>
          <Button type="primary" onClick={apply}>
            {t("json.apply")}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t("json.help")}</Typography.Paragraph>
      {error !== undefined && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Input.TextArea
        aria-label={t("json.title", { document: title })}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 20 }}
        spellCheck={false}
        style={{ fontFamily: "monospace", fontSize: 12 }}
      />
    </Drawer>
  );
};
