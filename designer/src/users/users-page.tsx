import { PlusOutlined } from "@ant-design/icons";
import { ApiError, useLocale } from "@tessera/runtime";
import { Alert, Button, Input, Space, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import { UserDrawer } from "./user-drawer.js";
import { type Assignment, loadAssignments, loadUsers, type UserRecord } from "./user-records.js";
import { useUsersText } from "./users-texts.js";

type Editing = { user: UserRecord } | { user: undefined } | undefined;

/** The tenant's users and their access; edits go straight to the user records, not the draft. */
export const UsersPage = () => {
  const t = useUsersText();
  const draft = useDraft();
  const { label } = useLocale();
  const [users, setUsers] = useState<UserRecord[]>();
  const [assignments, setAssignments] = useState<Assignment[]>([]);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<Editing>();
  const [search, setSearch] = useState("");

  const load = useCallback(async () => {
    try {
      const [nextUsers, nextAssignments] = await Promise.all([loadUsers(), loadAssignments()]);
      setUsers(nextUsers);
      setAssignments(nextAssignments);
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.title : String(failure));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const labelOf = (kind: "profile" | "role" | "permissionSet", name: string | null | undefined) => {
    if (name === undefined || name === null || name === "") return "";
    const doc = draft.find(kind, name);
    return doc === undefined ? name : label(doc.label, name);
  };
  const nameOfUser = (id: string | null | undefined) =>
    id === undefined || id === null ? "" : (users?.find((u) => u.id === id)?.name ?? id);
  const needle = search.trim().toLowerCase();
  const shown = (users ?? []).filter(
    (u) => needle === "" || `${u.name} ${u.username} ${u.email ?? ""}`.toLowerCase().includes(needle),
  );

  return (
    <div className="users-page">
      <Typography.Title level={3}>{t("page.title")}</Typography.Title>
      <Alert type="warning" showIcon title={t("page.live")} style={{ marginBottom: 16 }} />
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={t("page.loadFailed", { reason: error })}
          action={<Button onClick={() => void load()}>{t("page.retry")}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Space style={{ marginBottom: 16 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: undefined })}>
          {t("new.button")}
        </Button>
        <Input.Search
          aria-label={t("search.label")}
          placeholder={t("search.label")}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 280 }}
        />
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={users === undefined && error === undefined}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t("column.name"), dataIndex: "name", sorter: (a, b) => a.name.localeCompare(b.name) },
          { title: t("column.username"), dataIndex: "username" },
          {
            title: t("column.profile"),
            key: "profile",
            render: (_: unknown, u) => labelOf("profile", u.profile),
          },
          { title: t("column.role"), key: "role", render: (_: unknown, u) => labelOf("role", u.role) },
          { title: t("column.manager"), key: "manager", render: (_: unknown, u) => nameOfUser(u.manager) },
          {
            title: t("column.permissionSets"),
            key: "permissionSets",
            render: (_: unknown, u) =>
              assignments
                .filter((a) => a.assignee === u.id)
                .map((a) => <Tag key={a.id}>{labelOf("permissionSet", a.permissionSet)}</Tag>),
          },
          {
            title: t("column.active"),
            key: "active",
            render: (_: unknown, u) =>
              u.active === false ? <Tag>{t("active.no")}</Tag> : <Tag color="green">{t("active.yes")}</Tag>,
          },
          {
            title: t("column.actions"),
            key: "actions",
            render: (_: unknown, u) => (
              <Button
                size="small"
                aria-label={t("row.edit", { user: u.name })}
                onClick={() => setEditing({ user: u })}
              >
                {t("row.editShort")}
              </Button>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <UserDrawer
          key={editing.user?.id ?? "new"}
          user={editing.user}
          users={users ?? []}
          assignments={assignments}
          onClose={() => setEditing(undefined)}
          onChanged={load}
        />
      )}
    </div>
  );
};
