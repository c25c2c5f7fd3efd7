import { PlusOutlined } from "@ant-design/icons";
import { useLocale } from "@tessera/runtime";
import { Alert, Button, Select, Space, Tabs, Typography } from "antd";
import { type ReactNode, useMemo, useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import { DocumentSetToolbar } from "../editing/document-set-toolbar.js";
import { documentKey, useDocumentSetEditor } from "../editing/use-document-set-editor.js";
import { FieldPermissionsTable } from "./field-permissions-table.js";
import { type GrantHolder, HOLDER_KINDS } from "./grant-holder.js";
import { NewPermissionSetModal } from "./new-permission-set-modal.js";
import { ObjectPermissionsTable } from "./object-permissions-table.js";
import { usePermissionsText } from "./permissions-texts.js";
import { SystemPermissionsTable } from "./system-permissions-table.js";
import "./permissions.css";

/**
 * Profiles and permission sets against objects, fields and system powers. Every profile and set
 * is its own draft document; the matrices edit them together with one undo history, and saving
 * writes each changed one.
 */
export const PermissionsPage = () => {
  const t = usePermissionsText();
  const draft = useDraft();
  const { label } = useLocale();
  const editor = useDocumentSetEditor(HOLDER_KINDS);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [creating, setCreating] = useState(false);

  const holders = useMemo<GrantHolder[]>(
    () =>
      HOLDER_KINDS.flatMap((kind) =>
        draft
          .ofKind(kind)
          .map((doc) => ({
            kind,
            name: doc.name,
            key: documentKey(kind, doc.name),
            label: label(doc.label, doc.name),
          }))
          .sort((a, b) => a.label.localeCompare(b.label)),
      ),
    [draft, label],
  );
  const shown = holders.filter((h) => !hidden.has(h.key));
  const objects = useMemo(
    () =>
      [...draft.ofKind("object")].sort((a, b) =>
        label(a.label, a.name).localeCompare(label(b.label, b.name)),
      ),
    [draft, label],
  );
  const describe = (key: string) => holders.find((h) => h.key === key)?.label ?? key;

  const table = (content: ReactNode) =>
    shown.length === 0 ? <Alert type="info" showIcon title={t("holders.none")} /> : content;

  return (
    <div className="permissions-page">
      <Typography.Title level={3}>{t("page.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("page.intro")}</Typography.Paragraph>
      <DocumentSetToolbar
        editor={editor}
        describe={describe}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("new.button")}
          </Button>
        }
      />
      <Space wrap className="matrix-controls">
        <label htmlFor="permissions-holders">{t("holders.show")}</label>
        <Select
          id="permissions-holders"
          aria-label={t("holders.show")}
          mode="multiple"
          allowClear
          style={{ minWidth: 360 }}
          value={shown.map((h) => h.key)}
          onChange={(keys: string[]) =>
            setHidden(new Set(holders.map((h) => h.key).filter((k) => !keys.includes(k))))
          }
          options={holders.map((h) => ({ value: h.key, label: h.label }))}
          maxTagCount="responsive"
        />
      </Space>
      <Tabs
        items={[
          {
            key: "objects",
            label: t("tab.objects"),
            children: table(<ObjectPermissionsTable editor={editor} holders={shown} objects={objects} />),
          },
          {
            key: "fields",
            label: t("tab.fields"),
            children: table(<FieldPermissionsTable editor={editor} holders={shown} objects={objects} />),
          },
          {
            key: "system",
            label: t("tab.system"),
            children: table(<SystemPermissionsTable editor={editor} holders={shown} />),
          },
        ]}
      />
      <NewPermissionSetModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(name) => {
          const key = documentKey("permissionSet", name);
          setHidden((current) => new Set([...current].filter((k) => k !== key)));
        }}
      />
    </div>
  );
};
