import { PlusOutlined } from "@ant-design/icons";
import type { Role } from "@tessera/metadata";
import { ApiError, get, useLocale } from "@tessera/runtime";
import { Alert, App, Button, Col, Empty, Row, Typography } from "antd";
import { useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import { DocumentSetToolbar } from "../editing/document-set-toolbar.js";
import { useDocumentSetEditor } from "../editing/use-document-set-editor.js";
import { NewRoleModal } from "./new-role-modal.js";
import { dropRole, type Reparenting, reparentRole } from "./role-hierarchy.js";
import { RolePanel } from "./role-panel.js";
import { RoleTreeView } from "./role-tree-view.js";
import { useRolesText } from "./roles-texts.js";
import "./roles.css";

const ROLE_KIND = ["role"] as const;

/** Whether any user record has this role; the API filters users by their `role` field. */
const roleHasUsers = async (name: string): Promise<boolean> => {
  const filter = encodeURIComponent(JSON.stringify({ "==": [{ var: "role" }, name] }));
  const page = await get<{ records: unknown[] }>(`/api/v1/records/user?filter=${filter}&limit=1&fields=id`);
  return page.records.length > 0;
};

/**
 * The role hierarchy: a tree to drag roles around in (or "Reports to" in the side panel), and
 * the selected role's properties. Each role is its own draft document; a move changes only the
 * moved role's `parent`.
 */
export const RolesPage = () => {
  const t = useRolesText();
  const draft = useDraft();
  const { label } = useLocale();
  const { message, modal } = App.useApp();
  const editor = useDocumentSetEditor(ROLE_KIND);
  const [selected, setSelected] = useState<string>();
  const [refusal, setRefusal] = useState<{ role: string; text: string }>();
  const [deleteProblem, setDeleteProblem] = useState<string>();
  const [creating, setCreating] = useState(false);

  const roles: Role[] = draft
    .ofKind("role")
    .map((r) => editor.document("role", r.name) ?? r)
    .sort((a, b) => label(a.label, a.name).localeCompare(label(b.label, b.name)));
  const nameOf = (name: string) => {
    const role = roles.find((r) => r.name === name);
    return role === undefined ? name : label(role.label, name);
  };
  const current = roles.find((r) => r.name === selected);

  const apply = (result: Reparenting, name: string, parent: string | undefined) => {
    if (!result.ok) {
      if (result.reason === "cycle") {
        setRefusal({
          role: name,
          text: t("move.cycle", { role: nameOf(name), parent: parent === undefined ? "" : nameOf(parent) }),
        });
      }
      return;
    }
    setRefusal(undefined);
    editor.update([{ kind: "role", name, change: () => result.role }]);
    void message.info(
      parent === undefined
        ? t("move.doneTop", { role: nameOf(name) })
        : t("move.done", { role: nameOf(name), parent: nameOf(parent) }),
    );
  };
  const drop = (active: string, over: string | undefined) => {
    const result = dropRole(roles, active, over);
    if (result === undefined) return;
    setSelected(result.name);
    apply(result, result.name, result.parent);
  };

  const remove = async (role: Role) => {
    setDeleteProblem(undefined);
    const text = nameOf(role.name);
    if (editor.dirty) return setDeleteProblem(t("delete.unsaved"));
    const children = draft.ofKind("role").filter((r) => r.parent === role.name);
    if (children.length > 0)
      return setDeleteProblem(t("delete.hasChildren", { role: text, count: children.length }));
    const rules = draft
      .ofKind("sharingRule")
      .filter(
        (rule) =>
          (rule.sharedWith.type !== "group" && rule.sharedWith.name === role.name) ||
          (rule.type === "owner" && rule.ownedBy.type !== "group" && rule.ownedBy.name === role.name),
      );
    if (rules.length > 0) {
      return setDeleteProblem(
        t("delete.hasRules", { role: text, rules: rules.map((r) => label(r.label, r.name)).join(", ") }),
      );
    }
    try {
      if (await roleHasUsers(role.name)) return setDeleteProblem(t("delete.hasUsers", { role: text }));
    } catch (error) {
      return setDeleteProblem(
        t("delete.usersUnknown", { reason: error instanceof ApiError ? error.title : String(error) }),
      );
    }
    modal.confirm({
      title: t("delete.title", { role: text }),
      content: t("delete.text"),
      okText: t("delete.ok"),
      okButtonProps: { danger: true },
      cancelText: t("delete.cancel"),
      onOk: async () => {
        await draft.remove("role", role.name);
        setSelected(undefined);
        void message.success(t("delete.deleted"));
      },
    });
  };

  return (
    <div className="roles-page">
      <Typography.Title level={3}>{t("page.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("page.intro")}</Typography.Paragraph>
      <DocumentSetToolbar
        editor={editor}
        describe={(key) => nameOf(key.slice("role/".length))}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("new.button")}
          </Button>
        }
      />
      {refusal !== undefined && refusal.role !== selected && (
        <Alert type="error" showIcon title={refusal.text} closable onClose={() => setRefusal(undefined)} />
      )}
      {deleteProblem !== undefined && (
        <Alert
          type="error"
          showIcon
          title={deleteProblem}
          closable
          onClose={() => setDeleteProblem(undefined)}
        />
      )}
      <Row gutter={24} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          {roles.length === 0 ? (
            <Empty description={t("tree.empty")} />
          ) : (
            <RoleTreeView
              roles={roles}
              selected={selected}
              onSelect={(name) => {
                setSelected(name);
                setDeleteProblem(undefined);
              }}
              onDrop={drop}
            />
          )}
        </Col>
        <Col xs={24} lg={10}>
          {current === undefined ? (
            <Empty description={t("panel.none")} />
          ) : (
            <RolePanel
              key={current.name}
              role={current}
              roles={roles}
              issues={editor.issuesOf("role", current.name)}
              refusal={refusal?.role === current.name ? refusal.text : undefined}
              onChange={(next) => editor.update([{ kind: "role", name: current.name, change: () => next }])}
              onMove={(parent) => apply(reparentRole(roles, current.name, parent), current.name, parent)}
              onDelete={() => void remove(current)}
            />
          )}
        </Col>
      </Row>
      <NewRoleModal
        open={creating}
        parent={selected}
        onClose={() => setCreating(false)}
        onCreated={setSelected}
      />
    </div>
  );
};
