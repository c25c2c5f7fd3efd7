import { Typography } from "antd";
import { changeHolder, type GrantHolder, type GrantsEditor, grantsOf } from "./grant-holder.js";
import { HolderHeading } from "./holder-heading.js";
import { PermissionCheckbox } from "./permission-checkbox.js";
import { hasSystemPermission, systemPermissionPointer, withSystemPermission } from "./permission-grants.js";
import { SYSTEM_PERMISSIONS } from "./permission-implications.js";
import { usePermissionsText } from "./permissions-texts.js";

interface Props {
  editor: GrantsEditor;
  holders: readonly GrantHolder[];
}

/** The tenant-wide powers down, profiles and permission sets across. */
export const SystemPermissionsTable = ({ editor, holders }: Props) => {
  const t = usePermissionsText();
  return (
    <div className="permission-matrix-scroll">
      <table className="permission-matrix">
        <thead>
          <tr>
            <th scope="col" className="matrix-row-head">
              {t("column.permission")}
            </th>
            {holders.map((holder) => (
              <th key={holder.key} scope="col" className="holder-group">
                <HolderHeading holder={holder} changed={editor.dirtyKeys.includes(holder.key)} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SYSTEM_PERMISSIONS.map((key) => (
            <tr key={key}>
              <th scope="row" className="matrix-row-head system-row-head">
                {t(`system.${key}`)}
                <Typography.Text type="secondary" className="matrix-api-name">
                  {t(`systemHelp.${key}`)}
                </Typography.Text>
              </th>
              {holders.map((holder) => (
                <td key={holder.key}>
                  <PermissionCheckbox
                    label={t("cell.system", { holder: holder.label, permission: t(`system.${key}`) })}
                    checked={hasSystemPermission(grantsOf(editor, holder), key)}
                    problem={editor.issuesOf(holder.kind, holder.name).at(systemPermissionPointer(key))}
                    onChange={(on) => changeHolder(editor, holder, (d) => withSystemPermission(d, key, on))}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
