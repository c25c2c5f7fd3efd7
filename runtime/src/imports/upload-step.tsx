import { InboxOutlined } from "@ant-design/icons";
import { Flex, Spin, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useAsync } from "../data/use-async.js";
import { useDatetimeText } from "../record/use-datetime-text.js";
import { type ImportView, listImports, uploadImport } from "./import-api.js";
import { type ImportText, useImportText } from "./import-texts.js";
import { ProblemAlert } from "./problem-alert.js";

/** The server refuses larger files (413); saying so before sending spares the wait. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
const EXTENSIONS = [".csv", ".xlsx"];

/** Why a file cannot be imported, before it is sent; undefined when it may be. */
export const fileRefusal = (file: File, t: ImportText): string | undefined => {
  const name = file.name.toLowerCase();
  if (!EXTENSIONS.some((extension) => name.endsWith(extension))) return t("upload.wrongType");
  if (file.size === 0) return t("upload.empty");
  if (file.size > MAX_IMPORT_BYTES) return t("upload.tooBig");
  return undefined;
};

export const ImportStatusTag = ({ status }: { status: ImportView["status"] }) => {
  const t = useImportText();
  const color = {
    completed: "success",
    failed: "error",
    cancelled: "default",
    running: "processing",
  } as const;
  return (
    <Tag color={status in color ? color[status as keyof typeof color] : "blue"}>{t(`status.${status}`)}</Tag>
  );
};

/** The user's earlier imports of this object, to come back to one (a running one, a result). */
const RecentImports = ({ object }: { object: string }) => {
  const t = useImportText();
  const when = useDatetimeText();
  const imports = useAsync((signal) => listImports(object, signal), [object]);
  // The wizard works without the list: a failure to read it only hides it.
  const rows = imports.data ?? [];
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="recent-imports">
      <Typography.Title level={4} id="recent-imports">
        {t("upload.recent")}
      </Typography.Title>
      <Table<ImportView>
        rowKey="id"
        size="small"
        dataSource={rows.slice(0, 10)}
        pagination={false}
        columns={[
          {
            key: "file",
            title: t("upload.file"),
            render: (_, item) => (
              <Link to={{ search: `?${new URLSearchParams({ id: item.id })}` }}>{item.fileName}</Link>
            ),
          },
          {
            key: "status",
            title: t("upload.status"),
            render: (_, item) => <ImportStatusTag status={item.status} />,
          },
          { key: "rows", title: t("upload.rows"), render: (_, item) => item.totalRows },
          { key: "created", title: t("upload.when"), render: (_, item) => when(item.createdAt) },
        ]}
      />
    </section>
  );
};

/** Step 1: a CSV or XLSX file dropped or chosen, sent to the server, which reads its header and first rows. */
export const UploadStep = ({
  object,
  onUploaded,
}: {
  object: string;
  onUploaded: (view: ImportView) => void;
}) => {
  const t = useImportText();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>();
  const upload = async (file: File) => {
    const refusal = fileRefusal(file, t);
    if (refusal !== undefined) {
      setError(new Error(refusal));
      return;
    }
    setError(undefined);
    setUploading(true);
    try {
      onUploaded(await uploadImport(object, file));
    } catch (failure) {
      setError(failure);
    } finally {
      setUploading(false);
    }
  };
  return (
    <Flex vertical gap={16}>
      {error !== undefined && <ProblemAlert title={t("upload.failed")} error={error} />}
      <Spin spinning={uploading} description={t("upload.uploading")}>
        <Upload.Dragger
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => {
            void upload(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t("upload.drop")}</p>
          <p className="ant-upload-hint">{t("upload.hint")}</p>
        </Upload.Dragger>
      </Spin>
      <RecentImports object={object} />
    </Flex>
  );
};
