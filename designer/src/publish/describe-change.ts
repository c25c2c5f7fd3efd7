import type { DocumentChange, FieldChange, Impact } from "../draft/draft-api.js";
import type { PublishTextKey } from "./publish-texts.js";

/** A sentence of the publish screen: a text key and what fills it. */
export interface Sentence {
  key: PublishTextKey;
  params: Record<string, string | number>;
}

const SPECIFIC: Readonly<Record<string, PublishTextKey>> = {
  added: "field.added",
  removed: "field.removed",
  typeChanged: "field.typeChanged",
  requiredAdded: "field.requiredAdded",
  uniqueAdded: "field.uniqueAdded",
  referenceChanged: "field.referenceChanged",
  maxLengthReduced: "field.maxLengthReduced",
  optionsRemoved: "field.optionsRemoved",
};

/**
 * The field changes of one object as sentences, one per fact. The engine follows each specific
 * change of a field ("typeChanged") with a generic "changed": that one only speaks for fields
 * with nothing more specific to say.
 */
export const fieldChangeSentences = (
  changes: readonly FieldChange[],
  fieldLabel: (field: string) => string,
  typeLabel: (type: string) => string,
): Sentence[] => {
  const specific = new Set(changes.filter((c) => c.change !== "changed").map((c) => c.field));
  return changes.flatMap((c): Sentence[] => {
    const field = fieldLabel(c.field);
    if (c.change === "changed")
      return specific.has(c.field) ? [] : [{ key: "field.changed", params: { field } }];
    const key = SPECIFIC[c.change];
    if (key === undefined) return [{ key: "field.other", params: { field, change: c.change } }];
    return [
      {
        key,
        params: {
          field,
          ...(c.from !== undefined && { from: typeLabel(c.from) }),
          ...(c.to !== undefined && { to: typeLabel(c.to) }),
          ...(c.options !== undefined && { options: c.options.join(", ") }),
        },
      },
    ];
  });
};

/** Document changes grouped by kind, kinds in `order` first, names sorted within a kind. */
export const changesByKind = (
  changes: readonly DocumentChange[],
  order: readonly string[],
): Array<{ kind: string; changes: DocumentChange[] }> => {
  const groups = new Map<string, DocumentChange[]>();
  for (const change of changes) groups.set(change.kind, [...(groups.get(change.kind) ?? []), change]);
  const rank = (kind: string) => (order.includes(kind) ? order.indexOf(kind) : order.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([kind, list]) => ({ kind, changes: list.sort((a, b) => a.name.localeCompare(b.name)) }));
};

const IMPACT: Readonly<Record<string, PublishTextKey>> = {
  "object.removed": "impact.object.removed",
  "field.removed": "impact.field.removed",
  "field.referenceChanged": "impact.field.referenceChanged",
  "field.typeChanged": "impact.field.typeChanged",
  "field.optionsRemoved": "impact.field.optionsRemoved",
  "field.maxLengthReduced": "impact.field.maxLengthReduced",
  "field.requiredAdded": "impact.field.requiredAdded",
  "field.uniqueAdded": "impact.field.uniqueAdded",
};

/** What an impact does to records, in the admin's language; the engine's words for a code we do not know. */
export const impactSentence = (impact: Impact): Sentence | undefined => {
  const key = IMPACT[impact.code];
  return key === undefined ? undefined : { key, params: { records: impact.records } };
};

/** How many records lose data: the sum over destructive impacts (blocking ones are not published). */
export const recordsLosingData = (impact: readonly Impact[]): number =>
  impact.filter((i) => i.severity === "destructive").reduce((sum, i) => sum + i.records, 0);
