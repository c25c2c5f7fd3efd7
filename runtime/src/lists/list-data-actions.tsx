import { CopyOutlined, DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Dropdown } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import type { ObjectUi } from "../api/types.js";
import { downloadFile } from "../imports/file-transfer.js";
import { problemLines } from "../imports/problem-alert.js";
import { useDataActionText } from "./data-action-texts.js";
import { type ExportFormat, exportPath } from "./export-request.js";
import type { ListQuery } from "./list-query.js";
import type { ResolvedList } from "./resolve-list.js";

/**
 * The list's data buttons: Import (users who may create records), Export as CSV or Excel of the
 * list as shown (anyone who sees the list), Find duplicates (users who may merge: edit and delete).
 */
export const ListDataActions = ({
  ui,
  list,
  query,
}: {
  ui: ObjectUi;
  list: ResolvedList;
  query: ListQuery;
}) => {
  const t = useDataActionText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const [menu, setMenu] = useState<{ open: boolean; byKeyboard: boolean }>({
    open: false,
    byKeyboard: false,
  });
  const object = ui.object.name;
  const base = `/o/${encodeURIComponent(object)}`;

  const exportAs = async (format: ExportFormat) => {
    setExporting(true);
    const key = "list-export";
    message.loading({ key, content: t("data.exporting"), duration: 0 });
    try {
      const file = await downloadFile(exportPath(object, list, query, format), `${object}.${format}`);
      message.success({ key, content: t("data.exported", { file }) });
    } catch (failure) {
      message.error({ key, content: t("data.exportFailed", { reason: problemLines(failure).join(" ") }) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      {ui.permissions.create && (
        <Button icon={<UploadOutlined />} onClick={() => navigate(`${base}/import`)}>
          {t("data.import")}
        </Button>
      )}
      <Dropdown
        // Opens on hover, and from the keyboard (Enter, Space) with the focus in the menu.
        open={menu.open}
        onOpenChange={(open) => setMenu({ open, byKeyboard: false })}
        autoFocus={menu.byKeyboard}
        menu={{
          items: [
            { key: "csv", label: t("data.exportCsv") },
            { key: "xlsx", label: t("data.exportXlsx") },
          ],
          onClick: ({ key }) => {
            setMenu({ open: false, byKeyboard: false });
            void exportAs(key === "xlsx" ? "xlsx" : "csv");
          },
        }}
      >
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={(event) => setMenu({ open: true, byKeyboard: event.detail === 0 })}
        >
          {t("data.export")}
        </Button>
      </Dropdown>
      {ui.permissions.edit && ui.permissions.delete && (
        <Button icon={<CopyOutlined />} onClick={() => navigate(`${base}/duplicates`)}>
          {t("data.duplicates")}
        </Button>
      )}
    </>
  );
};
