import type { ObjectDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Alert, Typography } from "antd";
import { changeHolder, type GrantHolder, type GrantsEditor, grantsOf } from "./grant-holder.js";
import { HolderHeading } from "./holder-heading.js";
import { PermissionCheckbox } from "./permission-checkbox.js";
import {
  hasObjectPermission,
  objectPermissionPointer,
  withObjectPermission,
  withObjectPermissionOnAll,
} from "./permission-grants.js";
import { OBJECT_PERMISSIONS, type ObjectPermission } from "./permission-implications.js";
import { usePermissionsText } from "./permissions-texts.js";

interface Props {
  editor: GrantsEditor;
  holders: readonly GrantHolder[];
  objects: readonly ObjectDefinition[];
}

/** Objects down, profiles and permission sets across, each with its six object permissions. */
export const ObjectPermissionsTable = ({ editor, holders, objects }: Props) => {
  const t = usePermissionsText();
  const { label } = useLocale();
  if (objects.length === 0) return <Alert type="info" showIcon title={t("objects.none")} />;
  const names = objects.map((o) => o.name);
  const permissionLabel = (key: ObjectPermission) => t(`perm.${key}`);
  return (
    <>
      <Typography.Paragraph type="secondary">{t("legend.objects")}</Typography.Paragraph>
      <div className="permission-matrix-scroll">
        <table className="permission-matrix">
          <thead>
            <tr>
              <th rowSpan={2} scope="col" className="matrix-row-head">
                {t("column.object")}
              </th>
              {holders.map((holder) => (
                <th
                  key={holder.key}
                  colSpan={OBJECT_PERMISSIONS.length}
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
                return OBJECT_PERMISSIONS.map((key) => {
                  const count = names.filter((o) => hasObjectPermission(doc, o, key)).length;
                  return (
                    <th key={`${holder.key}-${key}`} scope="col" className="permission-column">
                      <abbr title={permissionLabel(key)}>{t(`abbr.${key}`)}</abbr>
                      <PermissionCheckbox
                        label={t("cell.objectAll", {
                          holder: holder.label,
                          permission: permissionLabel(key),
                        })}
                        checked={count === names.length}
                        indeterminate={count > 0}
                        onChange={(on) =>
                          changeHolder(editor, holder, (d) => withObjectPermissionOnAll(d, names, key, on))
                        }
                      />
                    </th>
                  );
                });
              })}
            </tr>
          </thead>
          <tbody>
            {objects.map((object) => {
              const objectLabel = label(object.label, object.name);
              return (
                <tr key={object.name}>
                  <th scope="row" className="matrix-row-head">
                    {objectLabel}
                    <Typography.Text type="secondary" className="matrix-api-name">
                      {object.name}
                    </Typography.Text>
                  </th>
                  {holders.flatMap((holder) => {
                    const doc = grantsOf(editor, holder);
                    const issues = editor.issuesOf(holder.kind, holder.name);
                    return OBJECT_PERMISSIONS.map((key) => (
                      <td key={`${holder.key}-${key}`}>
                        <PermissionCheckbox
                          label={t("cell.object", {
                            holder: holder.label,
                            object: objectLabel,
                            permission: permissionLabel(key),
                          })}
                          checked={hasObjectPermission(doc, object.name, key)}
                          problem={issues.at(objectPermissionPointer(object.name, key))}
                          onChange={(on) =>
                            changeHolder(editor, holder, (d) => withObjectPermission(d, object.name, key, on))
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
    </>
  );
};
