import type { FilterNode } from "@tessera/metadata";
import { longestWord } from "./blocking.js";
import type { CompiledDuplicateRule, MatchCondition } from "./duplicate-rules.js";

/** Characters of a store search needle: short, as removed punctuation may split a stored word. */
const NEEDLE_LENGTH = 3;
const PHONE_TAIL = 4;

/**
 * What stored values are searched for when a record is saved: the first and the last characters of
 * the normalised value's longest word, as stored text contains them even when the normaliser
 * removed punctuation elsewhere ("TAX-333" for "tax333") or a typo changed the other end. A match
 * sharing neither is not found on save; the find-duplicates job, which compares normalised values
 * in memory, still finds it.
 */
export const searchNeedles = (key: string): string[] => {
  const word = longestWord(key);
  return [
    ...new Set(
      [word.slice(0, NEEDLE_LENGTH).join(""), word.slice(-NEEDLE_LENGTH).join("")].filter((n) => n !== ""),
    ),
  ];
};

const anyNeedle = (field: string, needles: readonly string[]): FilterNode | undefined =>
  needles.length === 0
    ? undefined
    : needles.length === 1
      ? { op: "contains", field, value: needles[0] as string }
      : { op: "or", children: needles.map((value) => ({ op: "contains", field, value })) };

type Candidate = { filter: FilterNode; rank: number };

/** A filter the stored records matching `condition` on `key` pass (nearly all: see searchNeedles). */
const conditionFilter = (condition: MatchCondition, key: string): Candidate | undefined => {
  const { field } = condition;
  if (condition.match === "fuzzy") {
    const text: unknown = condition.normalizer === "exact" ? JSON.parse(key) : key;
    const filter = typeof text === "string" ? anyNeedle(field, searchNeedles(text)) : undefined;
    return filter === undefined ? undefined : { filter, rank: 4 };
  }
  switch (condition.normalizer) {
    case "exact": {
      const value: unknown = JSON.parse(key);
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
        return { filter: { op: "compare", field, operator: "==", value }, rank: 0 };
      return undefined;
    }
    case "email":
      // Stored addresses differ from the key only by case and surrounding spaces.
      return { filter: { op: "contains", field, value: key }, rank: 1 };
    case "phone":
      // Separators sit between digit groups; the last four digits are rarely split.
      return { filter: { op: "contains", field, value: key.slice(-PHONE_TAIL) }, rank: 2 };
    case "text":
    case "companyName": {
      const filter = anyNeedle(field, searchNeedles(key));
      return filter === undefined ? undefined : { filter, rank: 3 };
    }
  }
};

/**
 * The store filter that finds candidates for `keys` (one per condition): the most selective
 * condition's filter. Undefined when no condition can be searched for (only array values).
 */
export const candidateFilter = (
  rule: CompiledDuplicateRule,
  keys: readonly string[],
): FilterNode | undefined => {
  let best: Candidate | undefined;
  rule.conditions.forEach((condition, i) => {
    const key = keys[i];
    const candidate = key === undefined ? undefined : conditionFilter(condition, key);
    if (candidate !== undefined && (best === undefined || candidate.rank < best.rank)) best = candidate;
  });
  return best?.filter;
};
