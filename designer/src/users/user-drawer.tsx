import { ApiError, type ProblemDetail, useLocale } from "@tessera/runtime";
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Switch } from "antd";
import { useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import { accessOf, assignmentChanges, newUserBody, type UserAccess, userPatch } from "./user-changes.js";
import {
  type Assignment,
  assignPermissionSet,
  createUser,
  loadUser,
  type UserRecord,
  unassignPermissionSet,
  updateUser,
} from "./user-records.js";
import { useUsersText } from "./users-texts.js";

interface Props {
  /** The user to edit; undefined: a new user. */
  user: UserRecord | undefined;
  users: readonly UserRecord[];
  assignments: readonly Assignment[];
  onClose: () => void;
  /** The users and assignments changed: read them again. */
  onChanged: () => Promise<void>;
}

const EMPTY_IDENTITY = { username: "", name: "", email: "", password: "" };

/** A user's access (and, for a new user, identity and first password), written to the live records. */
export const UserDrawer = ({ user, users, assignments, onClose, onChanged }: Props) => {
  const t = useUsersText();
  const draft = useDraft();
  const { label } = useLocale();
  const { message } = App.useApp();
  const [base, setBase] = useState<UserRecord | undefined>(user);
  const [access, setAccess] = useState<UserAccess>(() =>
    user === undefined
      ? { profile: "standardUser", role: undefined, manager: undefined, active: true, permissionSets: [] }
      : accessOf(user, assignments),
  );
  const [identity, setIdentity] = useState(EMPTY_IDENTITY);
  const [problems, setProblems] = useState<readonly ProblemDetail[]>([]);
  const [failure, setFailure] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  const problemAt = (path: string) => {
    const found = problems
      .filter((p) => p.path === path || p.path.startsWith(`${path}/`))
      .map((p) => p.message);
    return found.length === 0 ? undefined : found.join(" ");
  };
  const item = (path: string) => {
    const problem = problemAt(path);
    return problem === undefined ? {} : { validateStatus: "error" as const, help: problem };
  };
  const change = (next: Partial<UserAccess>) => setAccess((current) => ({ ...current, ...next }));

  const reload = async () => {
    if (base === undefined) return;
    const fresh = await loadUser(base.id);
    setBase(fresh);
    setAccess(accessOf(fresh, assignments));
    setConflict(false);
    setProblems([]);
    await onChanged();
  };

  const applyAssignments = async (userId: string, held: readonly Assignment[]) => {
    const { add, remove } = assignmentChanges(held, userId, access.permissionSets);
    for (const set of add) await assignPermissionSet(userId, set).catch((error: unknown) => fail(set, error));
    for (const a of remove)
      await unassignPermissionSet(a).catch((error: unknown) => fail(a.permissionSet, error));
  };
  const fail = (set: string, error: unknown) => {
    throw new Error(
      t("assignments.failed", { set, reason: error instanceof ApiError ? error.title : String(error) }),
    );
  };

  const save = async () => {
    setSaving(true);
    setFailure(undefined);
    setProblems([]);
    try {
      if (base === undefined) {
        const created = await createUser(newUserBody(identity, access));
        await applyAssignments(created.id, []);
        void message.success(t("drawer.created"));
      } else {
        const patch = userPatch(base, access);
        if (Object.keys(patch).length > 0) setBase(await updateUser(base, patch));
        await applyAssignments(base.id, assignments);
        void message.success(t("drawer.saved"));
      }
      await onChanged();
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(true);
      else if (error instanceof ApiError && error.status === 422 && error.errors.length > 0)
        setProblems(error.errors);
      else if (error instanceof ApiError) setFailure(t("failure.generic", { reason: error.title }));
      else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const profiles = draft.ofKind("profile");
  const roles = draft.ofKind("role");
  const sets = draft.ofKind("permissionSet");
  const title = base === undefined ? t("drawer.newTitle") : t("drawer.editTitle", { user: base.name });
  return (
    <Drawer
      open
      title={title}
      size="large"
      onClose={onClose}
      footer={
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {base === undefined ? t("drawer.create") : t("drawer.save")}
          </Button>
          <Button onClick={onClose}>{t("drawer.cancel")}</Button>
        </Space>
      }
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t("conflict.title")}
          description={t("conflict.text")}
          action={<Button onClick={() => void reload()}>{t("conflict.reload")}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      {failure !== undefined && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        {base === undefined && (
          <>
            <Form.Item label={t("field.username")} required {...item("/username")}>
              <Input
                aria-label={t("field.username")}
                autoComplete="off"
                value={identity.username}
                onChange={(e) => setIdentity({ ...identity, username: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={t("field.name")} required {...item("/name")}>
              <Input
                aria-label={t("field.name")}
                value={identity.name}
                onChange={(e) => setIdentity({ ...identity, name: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={t("field.email")} required {...item("/email")}>
              <Input
                aria-label={t("field.email")}
                type="email"
                value={identity.email}
                onChange={(e) => setIdentity({ ...identity, email: e.target.value })}
              />
            </Form.Item>
            <Form.Item
              label={t("field.password")}
              required
              validateStatus={problemAt("/password") === undefined ? undefined : "error"}
              help={problemAt("/password") ?? t("field.passwordHelp")}
            >
              <Input.Password
                aria-label={t("field.password")}
                autoComplete="new-password"
                value={identity.password}
                onChange={(e) => setIdentity({ ...identity, password: e.target.value })}
              />
            </Form.Item>
          </>
        )}
        <Form.Item label={t("field.profile")} required {...item("/profile")}>
          <Select
            aria-label={t("field.profile")}
            value={access.profile}
            onChange={(profile: string) => change({ profile })}
            options={profiles.map((p) => ({ value: p.name, label: label(p.label, p.name) }))}
          />
        </Form.Item>
        <Form.Item label={t("field.role")} {...item("/role")}>
          <Select
            aria-label={t("field.role")}
            value={access.role ?? ""}
            showSearch={{ optionFilterProp: "label" }}
            onChange={(role: string) => change({ role: role === "" ? undefined : role })}
            options={[
              { value: "", label: t("field.noRole") },
              ...roles.map((r) => ({ value: r.name, label: label(r.label, r.name) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t("field.manager")} {...item("/manager")}>
          <Select
            aria-label={t("field.manager")}
            value={access.manager ?? ""}
            showSearch={{ optionFilterProp: "label" }}
            onChange={(manager: string) => change({ manager: manager === "" ? undefined : manager })}
            options={[
              { value: "", label: t("field.noManager") },
              ...users.filter((u) => u.id !== base?.id).map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t("field.permissionSets")} {...item("/permissionSets")}>
          <Select
            aria-label={t("field.permissionSets")}
            mode="multiple"
            value={[...access.permissionSets]}
            onChange={(permissionSets: string[]) => change({ permissionSets })}
            options={sets.map((s) => ({ value: s.name, label: label(s.label, s.name) }))}
          />
        </Form.Item>
        <Form.Item
          label={t("field.active")}
          validateStatus={problemAt("/active") === undefined ? undefined : "error"}
          help={problemAt("/active") ?? t("field.activeHelp")}
        >
          <Switch
            aria-label={t("field.active")}
            checked={access.active}
            onChange={(active) => change({ active })}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
};
