import type { LocalizedText } from "@tessera/metadata";

/**
 * Sets or clears the description of an approval process or automation: a description with no
 * text in either language is left out rather than saved empty (the metadata requires English).
 */
export const withDescription = <D extends { description?: LocalizedText }>(
  document: D,
  description: LocalizedText,
): D => {
  const { description: _old, ...rest } = document;
  const empty = description.en.trim() === "" && (description["zh-CN"] ?? "").trim() === "";
  return (empty ? rest : { ...rest, description }) as D;
};
