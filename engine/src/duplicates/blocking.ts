import type { CompiledDuplicateRule } from "./duplicate-rules.js";

/** Characters of the blocking key of a word: enough to be selective, few enough to survive a late typo. */
const WORD_PREFIX = 4;
const VALUE_PREFIX = 3;

/** The words of a normalised value, longest first (the first of equal length first). */
export const longestWord = (key: string): string[] => {
  let longest: string[] = [];
  for (const word of key.split(" ")) {
    const characters = Array.from(word);
    if (characters.length > longest.length) longest = characters;
  }
  return longest;
};

/** The condition records are sorted and blocked by: the first fuzzy one (the first condition if none). */
export const firstFuzzyOf = (rule: CompiledDuplicateRule): number =>
  Math.max(
    0,
    rule.conditions.findIndex((c) => c.match === "fuzzy"),
  );

/**
 * The blocks a record's normalised values (`keys`, one per condition) fall in: records that may
 * match under `rule` share a block. With exact conditions, the block of all the exact values
 * (records differing in one cannot match). With only fuzzy ones, two blocks of the first fuzzy
 * value: its longest word's first characters, and its own first characters; a near-duplicate
 * (Jaro-Winkler weighs the start, and words survive typos elsewhere) nearly always shares one.
 */
export const blockKeysOf = (rule: CompiledDuplicateRule, keys: readonly string[]): string[] => {
  const exact = rule.conditions.flatMap((c, i) => (c.match === "exact" ? [keys[i] ?? ""] : []));
  if (exact.length > 0) return [`e${JSON.stringify(exact)}`];
  const value = keys[firstFuzzyOf(rule)] ?? "";
  return [
    `w${longestWord(value).slice(0, WORD_PREFIX).join("")}`,
    `p${Array.from(value).slice(0, VALUE_PREFIX).join("")}`,
  ];
};
