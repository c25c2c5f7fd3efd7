import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { AppDefinition } from "@tessera/metadata";
import { ApiError, useLocale } from "@tessera/runtime";
import { App, Button, Flex, Popconfirm, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useDraft } from "../draft/draft-context.js";
import { useAppText } from "./app-texts.js";
import { navigationLabel } from "./navigation-label.js";
import { NewAppDialog } from "./new-app-dialog.js";
import { usePageLabel } from "./use-page-label.js";
import "./apps.css";

/** /apps — the draft's apps, each opening in the app editor; create and delete apps. */
export const AppsPage = () => {
  const t = useAppText();
  const { label } = useLocale();
  const { message } = App.useApp();
  const draft = useDraft();
  const pageLabel = usePageLabel();
  const [creating, setCreating] = useState(false);
  const apps = draft.ofKind("app");
  const names = { objects: draft.ofKind("object"), listViews: draft.ofKind("listView"), label, pageLabel };
  const remove = async (app: AppDefinition) => {
    try {
      await draft.remove("app", app.name);
    } catch (error) {
      void message.error(error instanceof ApiError ? error.title : String(error));
    }
  };
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3}>{t("apps.title")}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t("apps.new")}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t("apps.help")}</Typography.Paragraph>
      <Table<AppDefinition>
        rowKey="name"
        dataSource={apps}
        pagination={false}
        locale={{ emptyText: t("apps.empty") }}
        columns={[
          {
            key: "label",
            title: t("apps.columnLabel"),
            render: (_: unknown, app) => (
              <Link to={`/apps/${encodeURIComponent(app.name)}`}>{label(app.label, app.name)}</Link>
            ),
          },
          { key: "name", title: t("apps.columnName"), render: (_: unknown, app) => <code>{app.name}</code> },
          {
            key: "navigation",
            title: t("apps.columnItems"),
            render: (_: unknown, app) =>
              app.navigation.map((item) => navigationLabel(item, names)).join(" · "),
          },
          {
            key: "actions",
            width: 64,
            render: (_: unknown, app) => (
              <Popconfirm
                title={t("apps.deleteConfirm")}
                okText={t("apps.deleteOk")}
                cancelText={t("apps.cancel")}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(app)}
              >
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("apps.delete", { label: label(app.label, app.name) })}
                />
              </Popconfirm>
            ),
          },
        ]}
      />
      <NewAppDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
};
