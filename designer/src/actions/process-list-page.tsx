import { PlusOutlined } from "@ant-design/icons";
import type { LocalizedText } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useDraft } from "../draft/draft-context.js";
import { NewProcessModal } from "./new-process-modal.js";
import { designerPathOfNew } from "./new-process-path.js";

/** The area's own words for the list ("New approval process", "No automation rules yet."). */
export interface ProcessListTexts {
  title: string;
  intro: string;
  new: string;
  /** What is created, in the sentence "New {what}". */
  what: string;
  empty: string;
  label: string;
  name: string;
  object: string;
  active: string;
  yes: string;
  no: string;
}

type ListKey =
  | "list.title"
  | "list.intro"
  | "list.new"
  | "list.what"
  | "list.empty"
  | "col.label"
  | "col.name"
  | "col.object"
  | "col.active"
  | "yes"
  | "no";

/** The list's words from an area's text table, which has these keys for both kinds. */
export const processListTexts = (t: (key: ListKey) => string): ProcessListTexts => ({
  title: t("list.title"),
  intro: t("list.intro"),
  new: t("list.new"),
  what: t("list.what"),
  empty: t("list.empty"),
  label: t("col.label"),
  name: t("col.name"),
  object: t("col.object"),
  active: t("col.active"),
  yes: t("yes"),
  no: t("no"),
});

interface Listed {
  name: string;
  label: LocalizedText;
  object: string;
  active: boolean;
}

interface Props<P extends Listed> {
  /** The processes, already in the order to show. */
  processes: readonly P[];
  /** The list's path; each process's designer is under it (`/approvals`). */
  path: string;
  fallbackName: string;
  className: string;
  texts: ProcessListTexts;
  /** The kind's own columns, after the object's (trigger) ... */
  middle: TableColumnsType<P>;
  /** ... and after "Active" (priority, steps, actions). */
  end: TableColumnsType<P>;
}

/** The approvals or automations page: every process of the draft and the way to start a new one. */
export const ProcessListPage = <P extends Listed>(props: Props<P>) => {
  const { processes, path, fallbackName, className, texts, middle, end } = props;
  const draft = useDraft();
  const { label } = useLocale();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const objects = draft.ofKind("object");
  const objectLabel = (name: string) => label(objects.find((o) => o.name === name)?.label, name);
  return (
    <div className={className}>
      <Space style={{ width: "100%", justifyContent: "space-between" }} align="start">
        <div>
          <Typography.Title level={3}>{texts.title}</Typography.Title>
          <Typography.Paragraph type="secondary">{texts.intro}</Typography.Paragraph>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          aria-label={texts.new}
          onClick={() => setCreating(true)}
        >
          {texts.new}
        </Button>
      </Space>
      <Table<P>
        rowKey="name"
        dataSource={[...processes]}
        pagination={false}
        locale={{ emptyText: texts.empty }}
        columns={[
          {
            key: "label",
            title: texts.label,
            render: (_, p) => <Link to={`${path}/${p.name}`}>{label(p.label, p.name)}</Link>,
          },
          { key: "name", title: texts.name, render: (_, p) => <code>{p.name}</code> },
          { key: "object", title: texts.object, render: (_, p) => objectLabel(p.object) },
          ...middle,
          {
            key: "active",
            title: texts.active,
            render: (_, p) => (p.active ? <Tag color="green">{texts.yes}</Tag> : <Tag>{texts.no}</Tag>),
          },
          ...end,
        ]}
      />
      <NewProcessModal
        open={creating}
        what={texts.what}
        taken={new Set(processes.map((p) => p.name))}
        objects={objects}
        fallbackName={fallbackName}
        onCancel={() => setCreating(false)}
        onCreate={(created) => navigate(designerPathOfNew(path, created))}
      />
    </div>
  );
};
