/** Code points, so a character outside the BMP (an emoji, a rare CJK ideograph) counts once. */
const codePoints = (text: string): string[] => Array.from(text);

const jaro = (a: readonly string[], b: readonly string[]): number => {
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = true;
      bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const t = transpositions / 2;
  return (matches / a.length + matches / b.length + (matches - t) / matches) / 3;
};

/** Winkler's standard boost: 0.1 per character of common prefix, at most 4 characters. */
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;

/**
 * Jaro-Winkler similarity of two strings, 0 (nothing in common) .. 1 (equal), compared by code
 * point and case-sensitively: normalise first (normalizeForMatch). Two empty strings are equal (1);
 * an empty string and a non-empty one share nothing (0).
 */
export const jaroWinkler = (a: string, b: string): number => {
  if (a === b) return 1;
  const left = codePoints(a);
  const right = codePoints(b);
  if (left.length === 0 || right.length === 0) return 0;
  const similarity = jaro(left, right);
  let prefix = 0;
  while (
    prefix < MAX_PREFIX &&
    prefix < left.length &&
    prefix < right.length &&
    left[prefix] === right[prefix]
  ) {
    prefix++;
  }
  return similarity + prefix * PREFIX_SCALE * (1 - similarity);
};

/** Distinct trigrams of each space-separated word, padded like PostgreSQL's pg_trgm ("  w", " wo", "wor", "ord", "rd "). */
const trigrams = (text: string): Set<string> => {
  const grams = new Set<string>();
  for (const word of text.split(/\s+/u)) {
    if (word === "") continue;
    const padded = codePoints(`  ${word} `);
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3).join(""));
  }
  return grams;
};

/**
 * Trigram similarity as pg_trgm computes it: shared trigrams / all distinct trigrams of both
 * (0..1). Cheap and order-insensitive across words, so it suits blocking candidates before the
 * Jaro-Winkler comparison. Equal strings score 1; a string without trigrams (empty, only spaces)
 * scores 0 against any other.
 */
export const trigramSimilarity = (a: string, b: string): number => {
  if (a === b) return 1;
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / (left.size + right.size - shared);
};
