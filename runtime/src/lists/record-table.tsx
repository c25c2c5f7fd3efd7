import type { FieldDefinition } from "@tessera/metadata";
import { Table, type TableColumnsType } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { RecordData } from "../api/types.js";
import { FieldValue, referencedObject } from "../format/field-value.js";
import { isSystemUserField } from "../format/system-fields.js";
import { useLocale } from "../i18n/locale-context.js";
import { userReference } from "../record/display-value.js";
import { useRecordUserNames } from "../record/use-user-names.js";
import { isSortable, type SortKey } from "./list-sort.js";
import { useListText } from "./list-texts.js";
import { recordTitle } from "./record-title.js";

interface RecordTableProps {
  object: string;
  /** The record name field, when the user may read it; its cell links to the record. */
  nameField: FieldDefinition | undefined;
  columns: readonly FieldDefinition[];
  records: readonly RecordData[];
  loading: boolean;
  sort: readonly SortKey[];
  onSort: (field: string) => void;
  /** Row selection is offered only where the user may act on selected rows. */
  selection?: { selected: readonly string[]; onChange: (ids: string[]) => void };
  empty: ReactNode;
}

const LINK_TYPES = new Set(["url", "email", "phone"]);

/** The name cell: a link to the record (the value as text, since the cell is a link already). */
const NameLink = ({
  object,
  record,
  field,
}: {
  object: string;
  record: RecordData;
  field?: FieldDefinition;
}) => (
  <Link to={`/o/${encodeURIComponent(object)}/${encodeURIComponent(record.id)}`}>
    {field === undefined || referencedObject(field) !== undefined || LINK_TYPES.has(field.type) ? (
      recordTitle(record, field?.name ?? "")
    ) : record[field.name] === undefined || record[field.name] === null || record[field.name] === "" ? (
      record.id
    ) : (
      <FieldValue field={field} value={record[field.name]} />
    )}
  </Link>
);

/** One page of records: localised headers, sortable by click or Enter, values as FieldValue shows them. */
export const RecordTable = ({
  object,
  nameField,
  columns,
  records,
  loading,
  sort,
  onSort,
  selection,
  empty,
}: RecordTableProps) => {
  const t = useListText();
  const { label } = useLocale();
  const lead = sort[0];
  const shown = nameField === undefined || columns.includes(nameField) ? columns : [nameField, ...columns];
  const userNames = useRecordUserNames(
    records,
    shown.map((f) => f.name),
  );
  const tableColumns: TableColumnsType<RecordData> = shown.map((field) => ({
    key: field.name,
    dataIndex: field.name,
    title: label(field.label, field.name),
    ...(isSortable(field) && {
      sorter: true,
      sortDirections: ["ascend", "descend", "ascend"],
      sortOrder: lead?.field === field.name ? (lead.direction === "asc" ? "ascend" : "descend") : null,
    }),
    render: (_: unknown, record: RecordData) =>
      field === nameField ? (
        <NameLink object={object} record={record} field={field} />
      ) : (
        <FieldValue
          field={field}
          value={
            isSystemUserField(field.name) ? userReference(record[field.name], userNames) : record[field.name]
          }
        />
      ),
  }));
  if (nameField === undefined) {
    tableColumns.unshift({
      key: "id",
      title: t("list.recordColumn"),
      render: (_: unknown, record: RecordData) => <NameLink object={object} record={record} />,
    });
  }
  return (
    <Table<RecordData>
      rowKey="id"
      size="middle"
      columns={tableColumns}
      dataSource={[...records]}
      loading={loading}
      pagination={false}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: empty }}
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action !== "sort") return;
        const [first] = Array.isArray(sorter) ? sorter : [sorter];
        if (typeof first?.columnKey === "string") onSort(first.columnKey);
      }}
      {...(selection !== undefined && {
        rowSelection: {
          selectedRowKeys: [...selection.selected],
          onChange: (keys) => selection.onChange(keys.map(String)),
          getCheckboxProps: (record: RecordData) => ({
            "aria-label": t("list.selectRow", { name: recordTitle(record, nameField?.name ?? "") }),
          }),
        },
      })}
    />
  );
};
