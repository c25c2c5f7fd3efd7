import { PlusOutlined } from "@ant-design/icons";
import type { SharingAudience, SharingRule } from "@tessera/metadata";
import { get, useLocale } from "@tessera/runtime";
import { App, Button, Col, Empty, Row, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import { NewSharingRuleModal } from "./new-sharing-rule-modal.js";
import { SharingRuleEditor } from "./sharing-rule-editor.js";
import { useSharingText } from "./sharing-texts.js";

/** Public groups are tenant data (records of `group`); their API names feed the group picker. */
const loadGroupNames = async (): Promise<string[]> => {
  const page = await get<{ records: Array<{ name?: unknown }> }>(
    "/api/v1/records/group?limit=200&fields=name",
  );
  return page.records.map((r) => r.name).filter((n): n is string => typeof n === "string");
};

/** Every sharing rule of the draft, and the selected one's editor. */
export const SharingRulesPage = () => {
  const t = useSharingText();
  const draft = useDraft();
  const { label } = useLocale();
  const { modal } = App.useApp();
  const [selected, setSelected] = useState<string>();
  const [fresh, setFresh] = useState<SharingRule>();
  const [creating, setCreating] = useState(false);
  const [groups, setGroups] = useState<string[]>([]);
  const dirty = useRef(false);
  const onDirtyChange = useCallback((next: boolean) => {
    dirty.current = next;
  }, []);

  useEffect(() => {
    loadGroupNames().then(setGroups, () => setGroups([]));
  }, []);

  const rules = draft.ofKind("sharingRule");
  const roleName = (name: string) => {
    const role = draft.find("role", name);
    return role === undefined ? name : label(role.label, name);
  };
  const audience = (a: SharingAudience) =>
    `${t(`audience.${a.type}`)}: ${a.type === "group" ? a.name : roleName(a.name)}`;
  const objectName = (name: string) => {
    const object = draft.find("object", name);
    return object === undefined ? name : label(object.label, name);
  };

  /** Switching rules with unsaved changes asks first, as leaving the page does. */
  const open = (go: () => void) => {
    if (!dirty.current) return go();
    modal.confirm({
      title: t("switch.title"),
      content: t("switch.text"),
      okText: t("switch.ok"),
      cancelText: t("switch.cancel"),
      onOk: () => {
        dirty.current = false;
        go();
      },
    });
  };

  const editing = fresh?.name ?? selected;
  return (
    <div className="sharing-page">
      <Typography.Title level={3}>{t("page.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("page.intro")}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => open(() => setCreating(true))}
        disabled={draft.ofKind("object").length === 0}
        title={draft.ofKind("object").length === 0 ? t("objects.none") : undefined}
      >
        {t("new.button")}
      </Button>
      <Row gutter={24} style={{ marginTop: 16 }}>
        <Col xs={24} xl={11}>
          <Table
            rowKey="name"
            size="small"
            dataSource={rules}
            pagination={false}
            locale={{ emptyText: t("list.empty") }}
            rowClassName={(r) => (r.name === editing ? "ant-table-row-selected" : "")}
            columns={[
              {
                title: t("list.label"),
                key: "label",
                render: (_: unknown, r) => (
                  <Button
                    type="link"
                    aria-label={t("list.open", { rule: label(r.label, r.name) })}
                    onClick={() =>
                      open(() => {
                        setFresh(undefined);
                        setSelected(r.name);
                      })
                    }
                  >
                    {label(r.label, r.name)}
                  </Button>
                ),
              },
              { title: t("list.object"), key: "object", render: (_: unknown, r) => objectName(r.object) },
              {
                title: t("list.type"),
                key: "type",
                render: (_: unknown, r) => (
                  <Tag>{t(r.type === "criteria" ? "type.criteria" : "type.owner")}</Tag>
                ),
              },
              {
                title: t("list.sharedWith"),
                key: "sharedWith",
                render: (_: unknown, r) => audience(r.sharedWith),
              },
              { title: t("list.access"), key: "access", render: (_: unknown, r) => t(`access.${r.access}`) },
            ]}
          />
        </Col>
        <Col xs={24} xl={13}>
          {editing === undefined ? (
            <Empty description={t("panel.none")} />
          ) : (
            <SharingRuleEditor
              key={editing}
              name={editing}
              {...(fresh !== undefined && { initial: fresh })}
              groups={groups}
              onDirtyChange={onDirtyChange}
              onDeleted={() => {
                dirty.current = false;
                setSelected(undefined);
                setFresh(undefined);
              }}
            />
          )}
        </Col>
      </Row>
      <NewSharingRuleModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreate={(rule) => {
          setSelected(rule.name);
          setFresh(rule);
        }}
      />
    </div>
  );
};
