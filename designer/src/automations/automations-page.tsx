import { PlusOutlined } from "@ant-design/icons";
import type { Automation } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { NewProcessModal } from "../actions/new-process-modal.js";
import { designerPathOfNew } from "../actions/new-process-path.js";
import { useDraft } from "../draft/draft-context.js";
import { useAutomationText } from "./automation-texts.js";
import { TRIGGER_LABELS } from "./trigger-labels.js";

const byObjectAndLabel = (a: Automation, b: Automation) =>
  a.object.localeCompare(b.object) || a.name.localeCompare(b.name);

/** Every automation rule of the draft, and the way to start a new one. */
export const AutomationsPage = () => {
  const draft = useDraft();
  const t = useAutomationText();
  const { label } = useLocale();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const automations = [...draft.ofKind("automation")].sort(byObjectAndLabel);
  const objects = draft.ofKind("object");
  const objectLabel = (name: string) => label(objects.find((o) => o.name === name)?.label, name);
  return (
    <div className="automations-page">
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
      <Table<Automation>
        rowKey="name"
        dataSource={automations}
        pagination={false}
        locale={{ emptyText: t("list.empty") }}
        columns={[
          {
            key: "label",
            title: t("col.label"),
            render: (_, a) => <Link to={`/automations/${a.name}`}>{label(a.label, a.name)}</Link>,
          },
          { key: "name", title: t("col.name"), render: (_, a) => <code>{a.name}</code> },
          { key: "object", title: t("col.object"), render: (_, a) => objectLabel(a.object) },
          { key: "trigger", title: t("col.trigger"), render: (_, a) => t(TRIGGER_LABELS[a.trigger.type]) },
          {
            key: "active",
            title: t("col.active"),
            render: (_, a) => (a.active ? <Tag color="green">{t("yes")}</Tag> : <Tag>{t("no")}</Tag>),
          },
          { key: "actions", title: t("col.actions"), render: (_, a) => a.actions.length },
        ]}
      />
      <NewProcessModal
        open={creating}
        what={t("list.what")}
        taken={new Set(automations.map((a) => a.name))}
        objects={objects}
        fallbackName="automation"
        onCancel={() => setCreating(false)}
        onCreate={(created) => navigate(designerPathOfNew("/automations", created))}
      />
    </div>
  );
};
