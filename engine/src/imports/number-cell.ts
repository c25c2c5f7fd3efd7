const CURRENCY_PREFIX = /^([+-]?)\s*(?:[¥$€£]|RMB|CNY|USD|EUR|GBP|HKD|JPY)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元|人民币|RMB|CNY|USD|EUR|GBP|HKD|JPY)$/i;
const SPACED_GROUPS = /^([+-]?\d{1,3})((?:[ \u00a0\u202f\u2009]\d{3})+)((?:\.\d+)?)$/;

/**
 * A number cell as the number fields read it: full-width characters folded (１２３，４５ -> 123,45),
 * a currency symbol or code before or after the amount dropped (¥1,234.50, 1,234.50元, USD 12),
 * an accountant's negative in parentheses made a minus ((1,234) -> -1,234), and thousands
 * separated by spaces joined. Thousands commas and a percent sign are left to the field's
 * coercion, which checks their grouping.
 */
export const normalizeNumberCell = (text: string): string => {
  let value = text.normalize("NFKC").trim();
  const parenthesised = /^\((.*)\)$/.exec(value);
  if (parenthesised?.[1] !== undefined) value = `-${parenthesised[1].trim()}`;
  value = value.replace(CURRENCY_SUFFIX, "").replace(CURRENCY_PREFIX, "$1").trim();
  const spaced = SPACED_GROUPS.exec(value);
  if (spaced !== null) value = `${spaced[1]}${(spaced[2] ?? "").replace(/\D/g, "")}${spaced[3] ?? ""}`;
  return value;
};
