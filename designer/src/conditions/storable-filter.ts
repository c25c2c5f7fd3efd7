import {
  type FieldDefinition,
  type FilterField,
  type JsonValue,
  operatorsOf,
  parseFilter,
  SYSTEM_FILTER_FIELDS,
  valueKindOf,
} from "@tessera/metadata";

/** The filter capabilities of `fields` and the system fields, as the engine resolves them (filterFieldsOf). */
const filterFieldResolver = (
  fields: readonly FieldDefinition[],
): ((name: string) => FilterField | undefined) => {
  const known = new Map<string, FilterField>();
  for (const field of fields) {
    const valueKind = valueKindOf(field);
    if (valueKind !== "object")
      known.set(field.name, { type: field.type, operators: operatorsOf(field), valueKind });
  }
  return (name) => (Object.hasOwn(SYSTEM_FILTER_FIELDS, name) ? SYSTEM_FILTER_FIELDS[name] : known.get(name));
};

/**
 * Why `logic` is outside the storable filter subset (list views, sharing criteria), in the
 * metadata's own words; undefined when the engine's filter parser accepts it.
 */
export const storableFilterProblem = (
  logic: JsonValue,
  fields: readonly FieldDefinition[],
): string | undefined => {
  const parsed = parseFilter(logic, filterFieldResolver(fields));
  return parsed.ok ? undefined : parsed.problems.map((p) => p.message).join("; ");
};
