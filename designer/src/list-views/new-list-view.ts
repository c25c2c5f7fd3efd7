import type { ListView, ObjectDefinition } from "@tessera/metadata";

/** A readable label for an API name: "openDeals" -> "Open deals", "top10Deals" -> "Top10 deals". */
export const labelFromName = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
  const text = words.join(" ");
  return text === "" ? name : text.charAt(0).toUpperCase() + text.slice(1);
};

/**
 * A list view the draft does not have yet: valid as it stands, showing the record name only, so
 * saving it at once is never refused and the admin adds columns from there.
 */
export const newListView = (name: string, object: ObjectDefinition): ListView => ({
  kind: "listView",
  name,
  object: object.name,
  label: { en: labelFromName(name) },
  columns: [object.recordName],
});
