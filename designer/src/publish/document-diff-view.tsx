import type { JsonValue } from "@tessera/metadata";
import { Table, Tag, Typography } from "antd";
import type { DocumentDiff, JsonChange } from "./json-diff.js";
import { usePublishText } from "./publish-texts.js";

const COLORS = { added: "green", removed: "red", changed: "blue" } as const;

const Value = ({ value }: { value: JsonValue | undefined }) => {
  const t = usePublishText();
  if (value === undefined) return <Typography.Text type="secondary">{t("history.absent")}</Typography.Text>;
  return <pre className="publish-json">{JSON.stringify(value, null, 2)}</pre>;
};

/** Each document's differences from the previous version; added and removed documents whole. */
export const DocumentDiffView = ({ diffs }: { diffs: readonly DocumentDiff[] }) => {
  const t = usePublishText();
  return (
    <div className="publish-diffs">
      {diffs.map((diff) => (
        <section key={`${diff.kind}/${diff.name}`} aria-label={`${diff.kind} ${diff.name}`}>
          <Typography.Title level={5}>
            <Tag color={COLORS[diff.change]}>{t(`change.${diff.change}`)}</Tag>
            {diff.kind} <code>{diff.name}</code>
          </Typography.Title>
          {diff.document !== undefined && (
            <details>
              <summary>{t("history.wholeDocument")}</summary>
              <Value value={diff.document} />
            </details>
          )}
          {diff.changes !== undefined && (
            <Table<JsonChange>
              size="small"
              pagination={false}
              rowKey={(c) => `${c.change} ${c.pointer}`}
              dataSource={diff.changes}
              columns={[
                {
                  title: t("history.pointer"),
                  dataIndex: "pointer",
                  render: (pointer: string, c) => (
                    <>
                      <code>{pointer || "/"}</code>
                      {c.change === "reordered" && (
                        <Tag className="publish-reordered">{t("history.reordered")}</Tag>
                      )}
                    </>
                  ),
                },
                {
                  title: t("history.before"),
                  key: "before",
                  render: (_: unknown, c) => <Value value={c.before} />,
                },
                {
                  title: t("history.after"),
                  key: "after",
                  render: (_: unknown, c) => <Value value={c.after} />,
                },
              ]}
            />
          )}
        </section>
      ))}
    </div>
  );
};
