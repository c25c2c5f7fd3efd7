import type { ObjectDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Alert, Select, Space, Typography } from "antd";
import { useState } from "react";
import { changeHolder, type GrantHolder, type GrantsEditor, grantsOf } from "./grant-holder.js";
import { HolderHeading } from "./holder-heading.js";
import { PermissionCheckbox } from "./permission-checkbox.js";
import {
  fieldPermissionPointer,
  hasFieldPermission,
  withFieldPermission,
  withFieldPermissionOnAll,
} from "./permission-grants.js";
import { FIELD_PERMISSIONS, type FieldPermission } from "./permission-implications.js";
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
        <div className="permission-matrix-scroll">
          <table className="permission-matrix">
            <thead>
              <tr>
                <th rowSpan={2} scope="col" className="matrix-row-head">
                  {t("column.field")}
                </th>
                {holders.map((holder) => (
                  <th
                    key={holder.key}
                    colSpan={FIELD_PERMISSIONS.length}
                    scope="colgroup"
                    className="holder-group"
                  >
                    <HolderHeading holder={holder} changed={editor.dirtyKeys.includes(holder.key)} />
                  </th>
                ))}
              </tr>
              <tr>
                {holders.flatMap((holder) => {
                  const doc = grantsOf(editor, holder);
                  return FIELD_PERMISSIONS.map((key) => {
                    const count = names.filter((f) => hasFieldPermission(doc, object.name, f, key)).length;
                    return (
                      <th key={`${holder.key}-${key}`} scope="col" className="permission-column">
                        <span>{permissionLabel(key)}</span>
                        <PermissionCheckbox
                          label={t("cell.fieldAll", {
                            holder: holder.label,
                            object: objectLabel,
                            permission: permissionLabel(key),
                          })}
                          checked={count === names.length}
                          indeterminate={count > 0}
                          onChange={(on) =>
                            changeHolder(editor, holder, (d) =>
                              withFieldPermissionOnAll(d, object.name, names, key, on),
                            )
                          }
                        />
                      </th>
                    );
                  });
                })}
              </tr>
            </thead>
            <tbody>
              {object.fields.map((field) => {
                const fieldLabel = label(field.label, field.name);
                return (
                  <tr key={field.name}>
                    <th scope="row" className="matrix-row-head">
                      {fieldLabel}
                      <Typography.Text type="secondary" className="matrix-api-name">
                        {field.name}
                      </Typography.Text>
                    </th>
                    {holders.flatMap((holder) => {
                      const doc = grantsOf(editor, holder);
                      const issues = editor.issuesOf(holder.kind, holder.name);
                      return FIELD_PERMISSIONS.map((key) => (
                        <td key={`${holder.key}-${key}`}>
                          <PermissionCheckbox
                            label={t("cell.field", {
                              holder: holder.label,
                              object: objectLabel,
                              field: fieldLabel,
                              permission: permissionLabel(key),
                            })}
                            checked={hasFieldPermission(doc, object.name, field.name, key)}
                            problem={issues.at(fieldPermissionPointer(object.name, field.name, key))}
                            onChange={(on) =>
                              changeHolder(editor, holder, (d) =>
                                withFieldPermission(d, object.name, field.name, key, on),
                              )
                            }
                          />
                        </td>
                      ));
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};
