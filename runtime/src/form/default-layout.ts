import { descriptorOf, type Layout, type ObjectDefinition } from "@tessera/metadata";

/**
 * The layout a form uses when the object has none the user may see: one two-column section with
 * every field the user can read and a person writes (generated and computed fields left out),
 * titled `sectionTitle` (already in the user's language).
 */
const defaultLayout = (object: ObjectDefinition, sectionTitle: string): Layout => ({
  kind: "layout",
  name: `${object.name}Default`,
  object: object.name,
  label: object.label,
  sections: [
    {
      id: "fields",
      label: { en: sectionTitle },
      columns: 2,
      items: object.fields
        .filter((field) => descriptorOf(field).source === "input")
        .map((field) => ({ field: field.name })),
    },
  ],
});

/** The layout the user's forms of `object` use: the default one, else the first, else a generated one. */
export const formLayout = (
  layouts: readonly Layout[],
  object: ObjectDefinition,
  sectionTitle: string,
): Layout =>
  layouts.find((layout) => layout.default === true) ?? layouts[0] ?? defaultLayout(object, sectionTitle);
