import { operatorsOf, valueKindOf } from "../fields/registry.js";
import type { ObjectDefinition } from "../kinds/object.js";
import type { FilterField } from "../rules/filter.js";
import type { FilterOperator } from "../rules/filter-operator.js";

const ORDERED: readonly FilterOperator[] = ["==", "!=", "<", "<=", ">", ">=", "between", "missing"];
const IDENTITY: readonly FilterOperator[] = ["==", "!=", "in", "missing"];

/** The system fields every record has, as filters see them. */
export const SYSTEM_FILTER_FIELDS: Readonly<Record<string, FilterField>> = {
  id: { type: "text", operators: ["==", "!=", "in"], valueKind: "string" },
  version: { type: "number", operators: ORDERED, valueKind: "number" },
  ownerId: { type: "user", operators: IDENTITY, valueKind: "string" },
  createdBy: { type: "user", operators: IDENTITY, valueKind: "string" },
  updatedBy: { type: "user", operators: IDENTITY, valueKind: "string" },
  createdAt: { type: "datetime", operators: ORDERED, valueKind: "datetime" },
  updatedAt: { type: "datetime", operators: ORDERED, valueKind: "datetime" },
};

/**
 * Resolves the field names a filter on `object` may use to their filter capabilities
 * (operators from the field type, value kind for literal checks). Unknown names resolve to undefined.
 */
export const filterFieldsOf = (object: ObjectDefinition): ((name: string) => FilterField | undefined) => {
  const fields = new Map<string, FilterField>();
  for (const field of object.fields) {
    const kind = valueKindOf(field);
    if (kind === "object") continue;
    fields.set(field.name, { type: field.type, operators: operatorsOf(field), valueKind: kind });
  }
  return (name) =>
    Object.hasOwn(SYSTEM_FILTER_FIELDS, name) ? SYSTEM_FILTER_FIELDS[name] : fields.get(name);
};
