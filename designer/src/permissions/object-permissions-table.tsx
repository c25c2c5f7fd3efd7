import type { ObjectDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Alert, Typography } from "antd";
import type { GrantHolder, GrantsEditor } from "./grant-holder.js";
import {
  hasObjectPermission,
  objectPermissionPointer,
  withObjectPermission,
  withObjectPermissionOnAll,
} from "./permission-grants.js";
import { OBJECT_PERMISSIONS, type ObjectPermission } from "./permission-implications.js";
import { PermissionMatrix } from "./permission-matrix.js";
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
  const permissionLabel = (key: ObjectPermission) => t(`perm.${key}`);
  return (
    <>
      <Typography.Paragraph type="secondary">{t("legend.objects")}</Typography.Paragraph>
      <PermissionMatrix
        editor={editor}
        holders={holders}
        rows={objects.map((o) => ({ name: o.name, label: label(o.label, o.name) }))}
        permissions={OBJECT_PERMISSIONS}
        rowHeading={t("column.object")}
        columnHeading={(key) => <abbr title={permissionLabel(key)}>{t(`abbr.${key}`)}</abbr>}
        allLabel={(holder, key) =>
          t("cell.objectAll", { holder: holder.label, permission: permissionLabel(key) })
        }
        cellLabel={(holder, object, key) =>
          t("cell.object", { holder: holder.label, object: object.label, permission: permissionLabel(key) })
        }
        has={hasObjectPermission}
        set={withObjectPermission}
        setAll={withObjectPermissionOnAll}
        pointer={objectPermissionPointer}
      />
    </>
  );
};
