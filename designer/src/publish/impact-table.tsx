import { Table, Tag } from "antd";
import type { Impact } from "../draft/draft-api.js";
import { impactSentence } from "./describe-change.js";
import { usePublishText } from "./publish-texts.js";

/** What publishing does to existing records: object, field, how many records, what happens. */
export const ImpactTable = ({ impact }: { impact: readonly Impact[] }) => {
  const t = usePublishText();
  return (
    <Table<Impact>
      size="small"
      pagination={false}
      rowKey={(i) => `${i.object}/${i.field ?? ""}/${i.code}`}
      dataSource={[...impact]}
      columns={[
        { title: t("impact.object"), dataIndex: "object", render: (object: string) => <code>{object}</code> },
        {
          title: t("impact.field"),
          dataIndex: "field",
          render: (field: string | undefined) => (field === undefined ? "" : <code>{field}</code>),
        },
        { title: t("impact.records"), dataIndex: "records", align: "right" },
        {
          title: t("impact.message"),
          key: "message",
          render: (_: unknown, i) => {
            const sentence = impactSentence(i);
            return sentence === undefined ? i.message : t(sentence.key, sentence.params);
          },
        },
        {
          title: t("impact.severity"),
          dataIndex: "severity",
          render: (severity: Impact["severity"]) => (
            <Tag color={severity === "blocking" ? "red" : "orange"}>{t(`impact.${severity}`)}</Tag>
          ),
        },
      ]}
    />
  );
};
