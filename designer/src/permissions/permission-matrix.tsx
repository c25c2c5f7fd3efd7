import type { PermissionGrants } from "@tessera/metadata";
import { Typography } from "antd";
import type { ReactNode } from "react";
import {
  changeHolder,
  type GrantHolder,
  type GrantsDocument,
  type GrantsEditor,
  grantsOf,
} from "./grant-holder.js";
import { HolderHeading } from "./holder-heading.js";
import { PermissionCheckbox } from "./permission-checkbox.js";

/** One row of a matrix: an object or a field. */
export interface MatrixRow {
  name: string;
  /** In the admin's language. */
  label: string;
}

interface Props<P extends string> {
  editor: GrantsEditor;
  holders: readonly GrantHolder[];
  rows: readonly MatrixRow[];
  permissions: readonly P[];
  /** The heading of the row-head column ("Object", "Field"). */
  rowHeading: string;
  /** A permission's column heading, above its "all rows" checkbox. */
  columnHeading: (key: P) => ReactNode;
  /** Accessible name of a holder's "all rows" checkbox of one permission. */
  allLabel: (holder: GrantHolder, key: P) => string;
  /** Accessible name of one cell's checkbox. */
  cellLabel: (holder: GrantHolder, row: MatrixRow, key: P) => string;
  has: (doc: PermissionGrants, row: string, key: P) => boolean;
  set: (doc: GrantsDocument, row: string, key: P, on: boolean) => GrantsDocument;
  setAll: (doc: GrantsDocument, rows: string[], key: P, on: boolean) => GrantsDocument;
  /** JSON pointer of a cell's value in the holder's document. */
  pointer: (row: string, key: P) => string;
}

/**
 * Rows down, profiles and permission sets across, each holder a column group of `permissions`;
 * a header checkbox per holder and permission grants or revokes it on every row. The object and
 * field matrices differ only in their rows and permissions.
 */
export const PermissionMatrix = <P extends string>(props: Props<P>) => {
  const { editor, holders, rows, permissions } = props;
  const names = rows.map((r) => r.name);
  return (
    <div className="permission-matrix-scroll">
      <table className="permission-matrix">
        <thead>
          <tr>
            <th rowSpan={2} scope="col" className="matrix-row-head">
              {props.rowHeading}
            </th>
            {holders.map((holder) => (
              <th key={holder.key} colSpan={permissions.length} scope="colgroup" className="holder-group">
                <HolderHeading holder={holder} changed={editor.dirtyKeys.includes(holder.key)} />
              </th>
            ))}
          </tr>
          <tr>
            {holders.flatMap((holder) => {
              const doc = grantsOf(editor, holder);
              return permissions.map((key) => {
                const count = names.filter((row) => props.has(doc, row, key)).length;
                return (
                  <th key={`${holder.key}-${key}`} scope="col" className="permission-column">
                    {props.columnHeading(key)}
                    <PermissionCheckbox
                      label={props.allLabel(holder, key)}
                      checked={count === names.length}
                      indeterminate={count > 0}
                      onChange={(on) => changeHolder(editor, holder, (d) => props.setAll(d, names, key, on))}
                    />
                  </th>
                );
              });
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row" className="matrix-row-head">
                {row.label}
                <Typography.Text type="secondary" className="matrix-api-name">
                  {row.name}
                </Typography.Text>
              </th>
              {holders.flatMap((holder) => {
                const doc = grantsOf(editor, holder);
                const issues = editor.issuesOf(holder.kind, holder.name);
                return permissions.map((key) => (
                  <td key={`${holder.key}-${key}`}>
                    <PermissionCheckbox
                      label={props.cellLabel(holder, row, key)}
                      checked={props.has(doc, row.name, key)}
                      problem={issues.at(props.pointer(row.name, key))}
                      onChange={(on) => changeHolder(editor, holder, (d) => props.set(d, row.name, key, on))}
                    />
                  </td>
                ));
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
