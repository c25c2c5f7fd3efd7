import { PlusOutlined } from "@ant-design/icons";
import type { ApprovalProcess } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { NewProcessModal } from "../actions/new-process-modal.js";
import { designerPathOfNew } from "../actions/new-process-path.js";
import { useDraft } from "../draft/draft-context.js";
import { useApprovalText } from "./approval-texts.js";

const byObjectAndPriority = (a: ApprovalProcess, b: ApprovalProcess) =>
  a.object.localeCompare(b.object) || a.priority - b.priority || a.name.localeCompare(b.name);

/** Every approval process of the draft, and the way to start a new one. */
export const ApprovalsPage = () => {
  const draft = useDraft();
  const t = useApprovalText();
  const { label } = useLocale();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const processes = [...draft.ofKind("approvalProcess")].sort(byObjectAndPriority);
  const objects = draft.ofKind("object");
  const objectLabel = (name: string) => label(objects.find((o) => o.name === name)?.label, name);
  return (
    <div className="approvals-page">
      <Space style={{ width: "100%", justifyContent: "space-between" }} align="start">
        <div>
          <Typography.Title level={3}>{t("list.title")}</Typography.Title>
          <Typography.Paragraph type="secondary">{t("list.intro")}</Typography.Paragraph>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          aria-label={t("list.new")}
          onClick={() => setCreating(true)}
        >
          {t("list.new")}
        </Button>
      </Space>
      <Table<ApprovalProcess>
        rowKey="name"
        dataSource={processes}
        pagination={false}
        locale={{ emptyText: t("list.empty") }}
        columns={[
          {
            key: "label",
            title: t("col.label"),
            render: (_, p) => <Link to={`/approvals/${p.name}`}>{label(p.label, p.name)}</Link>,
          },
          { key: "name", title: t("col.name"), render: (_, p) => <code>{p.name}</code> },
          { key: "object", title: t("col.object"), render: (_, p) => objectLabel(p.object) },
          {
            key: "active",
            title: t("col.active"),
            render: (_, p) => (p.active ? <Tag color="green">{t("yes")}</Tag> : <Tag>{t("no")}</Tag>),
          },
          { key: "priority", title: t("col.priority"), dataIndex: "priority" },
          { key: "steps", title: t("col.steps"), render: (_, p) => p.steps.length },
        ]}
      />
      <NewProcessModal
        open={creating}
        what={t("list.what")}
        taken={new Set(processes.map((p) => p.name))}
        objects={objects}
        fallbackName="approvalProcess"
        onCancel={() => setCreating(false)}
        onCreate={(created) => navigate(designerPathOfNew("/approvals", created))}
      />
    </div>
  );
};
