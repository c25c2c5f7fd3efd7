import { DeleteOutlined } from "@ant-design/icons";
import { Alert, App, Button } from "antd";
import type { RecordData } from "../api/types.js";
import { useLocale } from "../i18n/locale-context.js";
import { type DeleteFailure, deleteRecords } from "./delete-records.js";
import { type ListTextKey, useListText } from "./list-texts.js";
import { recordTitle } from "./record-title.js";

interface BulkDeleteButtonProps {
  object: string;
  selected: readonly RecordData[];
  /** After the deletes: the records that were refused (none when all went). */
  onDone: (failures: DeleteFailure[]) => void;
}

/** Deletes the selected records after a confirmation, one request each. */
export const BulkDeleteButton = ({ object, selected, onDone }: BulkDeleteButtonProps) => {
  const t = useListText();
  const { t: common } = useLocale();
  const { modal, message } = App.useApp();
  const confirm = () =>
    modal.confirm({
      title: t("list.confirmDelete", { count: selected.length }),
      content: t("list.confirmDeleteText"),
      okText: common("common.delete"),
      okButtonProps: { danger: true },
      cancelText: common("common.cancel"),
      onOk: async () => {
        const failures = await deleteRecords(object, selected);
        const deleted = selected.length - failures.length;
        if (deleted > 0) void message.success(t("list.deleted", { count: deleted }));
        onDone(failures);
      },
    });
  return (
    <Button danger icon={<DeleteOutlined />} disabled={selected.length === 0} onClick={confirm}>
      {t("list.deleteSelected", { count: selected.length })}
    </Button>
  );
};

const reasonOf = (failure: DeleteFailure): ListTextKey => {
  switch (failure.status) {
    case 403:
      return "list.failed.forbidden";
    case 404:
      return "list.failed.notFound";
    case 409:
      return failure.code === "record.stale" ? "list.failed.stale" : "list.failed.conflict";
    case 423:
      return "list.failed.locked";
    default:
      return "list.failed.other";
  }
};

/** Which records a bulk delete left, and why. */
export const DeleteReport = ({
  failures,
  recordName,
  onClose,
}: {
  failures: readonly DeleteFailure[];
  recordName: string;
  onClose: () => void;
}) => {
  const t = useListText();
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={t("list.deleteFailed", { count: failures.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {failures.map((f) => (
            <li key={f.record.id}>
              {recordTitle(f.record, recordName)}: {t(reasonOf(f), { status: f.status })}
            </li>
          ))}
        </ul>
      }
    />
  );
};
