/**
 * The API name an admin would choose for a label: lower camel case of its Latin letters and digits
 * ("Site Visit" -> "siteVisit", "Visit date (planned)" -> "visitDatePlanned"), starting with a
 * letter and at most 63 characters (the metadata's name pattern). A label with no Latin letters
 * (a Chinese one) gives `fallback`, which the admin then edits.
 */
export const nameFromLabel = (label: string, fallback: string): string => {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "");
  const joined = words
    .map((w, i) =>
      i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join("")
    .replace(/^[0-9]+/, "");
  return joined === "" ? fallback : joined.slice(0, 63);
};

/** `base`, or `base2`, `base3`... whichever is not taken yet. */
export const uniqueName = (base: string, taken: ReadonlySet<string>): string => {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
};
