import type { FieldDefinition } from "@tessera/metadata";
import type { MappingEntry } from "./import-state.js";

/** A header or field name compared loosely: Unicode-normalised, lower case, no spaces or punctuation. */
export const matchKey = (text: string): string =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");

const namesOf = (field: FieldDefinition): string[] =>
  [field.name, field.label.en, field.label["zh-CN"]].filter((name): name is string => name !== undefined);

/**
 * The mapping suggested for a file: each column to the field whose API name, English label or
 * Chinese label it names (loosely compared), among `fields` (those the user may fill); each field
 * at most once, API names winning over labels. Other columns are left out (field null).
 */
export const suggestMapping = (
  headers: readonly string[],
  fields: ReadonlyMap<string, FieldDefinition>,
): MappingEntry[] => {
  const byName = new Map<string, string>();
  const byLabel = new Map<string, string>();
  for (const field of fields.values()) {
    const [name, ...labels] = namesOf(field);
    if (name !== undefined && !byName.has(matchKey(name))) byName.set(matchKey(name), field.name);
    for (const label of labels) if (!byLabel.has(matchKey(label))) byLabel.set(matchKey(label), field.name);
  }
  const taken = new Set<string>();
  return headers.map((column) => {
    const key = matchKey(column);
    if (key === "") return { column, field: null };
    const candidates = [byName.get(key), byLabel.get(key)];
    const field = candidates.find((c): c is string => c !== undefined && !taken.has(c)) ?? null;
    if (field !== null) taken.add(field);
    return { column, field };
  });
};
