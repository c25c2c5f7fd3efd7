import type { ObjectDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Alert, Select, Space, Typography } from "antd";
import { useState } from "react";
import type { GrantHolder, GrantsEditor } from "./grant-holder.js";
import {
  fieldPermissionPointer,
  hasFieldPermission,
  withFieldPermission,
  withFieldPermissionOnAll,
} from "./permission-grants.js";
import { FIELD_PERMISSIONS, type FieldPermission } from "./permission-implications.js";
import { PermissionMatrix } from "./permission-matrix.js";
import { usePermissionsText } from "./permissions-texts.js";

interface Props {
  editor: GrantsEditor;
  holders: readonly GrantHolder[];
  objects: readonly ObjectDefinition[];
}

/** One object's fields down, profiles and permission sets across, each with read and edit. */
export const FieldPermissionsTable = ({ editor, holders, objects }: Props) => {
  const t = usePermissionsText();
  const { label } = useLocale();
  const [chosen, setChosen] = useState<string>();
  const object = objects.find((o) => o.name === chosen) ?? objects[0];
  if (object === undefined) return <Alert type="info" showIcon title={t("objects.none")} />;
  const objectLabel = label(object.label, object.name);
  const names = object.fields.map((f) => f.name);
  const permissionLabel = (key: FieldPermission) => t(`perm.${key}`);
  return (
    <>
      <Space wrap className="matrix-controls">
        <label htmlFor="field-permissions-object">{t("object.select")}</label>
        <Select
          id="field-permissions-object"
          aria-label={t("object.select")}
          showSearch={{ optionFilterProp: "label" }}
          value={object.name}
          onChange={setChosen}
          style={{ minWidth: 240 }}
          options={objects.map((o) => ({ value: o.name, label: label(o.label, o.name) }))}
        />
        <Typography.Text type="secondary">{t("legend.fields")}</Typography.Text>
      </Space>
      {names.length === 0 ? (
        <Alert type="info" showIcon title={t("fields.none")} />
      ) : (
        <PermissionMatrix
          editor={editor}
          holders={holders}
          rows={object.fields.map((f) => ({ name: f.name, label: label(f.label, f.name) }))}
          permissions={FIELD_PERMISSIONS}
          rowHeading={t("column.field")}
          columnHeading={(key) => <span>{permissionLabel(key)}</span>}
          allLabel={(holder, key) =>
            t("cell.fieldAll", {
              holder: holder.label,
              object: objectLabel,
              permission: permissionLabel(key),
            })
          }
          cellLabel={(holder, field, key) =>
            t("cell.field", {
              holder: holder.label,
              object: objectLabel,
              field: field.label,
              permission: permissionLabel(key),
            })
          }
          has={(doc, field, key) => hasFieldPermission(doc, object.name, field, key)}
          set={(doc, field, key, on) => withFieldPermission(doc, object.name, field, key, on)}
          setAll={(doc, fields, key, on) => withFieldPermissionOnAll(doc, object.name, fields, key, on)}
          pointer={(field, key) => fieldPermissionPointer(object.name, field, key)}
        />
      )}
    </>
  );
};
