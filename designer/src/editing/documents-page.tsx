import { Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { useDraft } from "../draft/draft-context.js";
import { useDesignerText } from "../i18n/designer-texts.js";

/** Every document of the draft, each opening as raw JSON (for implementers). */
export const DocumentsPage = () => {
  const draft = useDraft();
  const t = useDesignerText();
  return (
    <>
      <Typography.Title level={3}>{t("nav.json")}</Typography.Title>
      <Table
        rowKey={(e) => `${e.kind}/${e.name}`}
        dataSource={[...draft.entries]}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t("documents.kind"), dataIndex: "kind", sorter: (a, b) => a.kind.localeCompare(b.kind) },
          {
            title: t("documents.name"),
            dataIndex: "name",
            render: (_: unknown, e) => (
              <Link to={`/json/${encodeURIComponent(e.kind)}/${encodeURIComponent(e.name)}`}>{e.name}</Link>
            ),
          },
          { title: t("documents.updatedAt"), dataIndex: "updatedAt" },
        ]}
      />
    </>
  );
};
