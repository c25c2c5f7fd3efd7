import {
  type FieldDefinition,
  isSystemField,
  type ListView,
  type Locale,
  localize,
  SYSTEM_FIELD_DISPLAY,
  type SystemField,
} from "@tessera/metadata";
import type { CompiledObject } from "../registry/compiled-metadata.js";

/** One column of an exported file: the field it shows and its header in the caller's language. */
export interface ExportColumn {
  name: string;
  label: string;
  /** The field's definition; a system field gets one standing for it (display only). */
  field: FieldDefinition;
}

/** System fields an export without a view or `fields=` ends with. */
const DEFAULT_SYSTEM_COLUMNS: readonly SystemField[] = ["ownerId", "createdAt", "updatedAt"];

const columnOf = (object: CompiledObject, name: string, locale: Locale): ExportColumn | undefined => {
  if (isSystemField(name)) {
    if (name === "tenant") return undefined;
    const system = SYSTEM_FIELD_DISPLAY[name];
    const label = localize(system.label, locale) ?? name;
    return { name, label, field: { name, type: system.type, label: system.label } as FieldDefinition };
  }
  const field = object.fields.get(name);
  return field === undefined ? undefined : { name, label: localize(field.label, locale) ?? name, field };
};

/**
 * The columns of an export, only ever of fields the caller may read: the fields named in
 * `fields=` in their order (already checked like the list API checks them), else the list view's
 * columns (those the caller cannot read left out, as the UI API leaves them out), else the record
 * name, every other readable field in the object's order, owner, created and last modified.
 */
export const exportColumns = (
  object: CompiledObject,
  readable: ReadonlySet<string>,
  locale: Locale,
  choice: { fields?: readonly string[]; view?: ListView },
): ExportColumn[] => {
  const visible = (name: string) => isSystemField(name) || readable.has(name);
  const names = choice.fields ??
    choice.view?.columns ?? [
      object.recordName,
      ...object.definition.fields.map((f) => f.name).filter((n) => n !== object.recordName),
      ...DEFAULT_SYSTEM_COLUMNS,
    ];
  const columns: ExportColumn[] = [];
  for (const name of new Set(names)) {
    if (!visible(name)) continue;
    const column = columnOf(object, name, locale);
    if (column !== undefined) columns.push(column);
  }
  return columns;
};
