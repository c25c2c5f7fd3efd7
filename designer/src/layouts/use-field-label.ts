import type { ObjectDefinition } from "@tessera/metadata";
import { useLocale, useSystemFieldLabel } from "@tessera/runtime";
import { PLACEABLE_SYSTEM_FIELDS, type PlaceableSystemField } from "./new-layout.js";

const isPlaceableSystemField = (name: string): name is PlaceableSystemField =>
  (PLACEABLE_SYSTEM_FIELDS as readonly string[]).includes(name);

/** A placed field's label in the designer's language: metadata's, or the runtime's for system fields. */
export const useFieldLabel = (object: ObjectDefinition): ((name: string) => string) => {
  const { label } = useLocale();
  const systemLabel = useSystemFieldLabel();
  return (name) => {
    const field = object.fields.find((f) => f.name === name);
    if (field !== undefined) return label(field.label, name);
    return isPlaceableSystemField(name) ? systemLabel(name) : name;
  };
};

/** The label of a related list: its own title, else the child's plural label, with the field when it is ambiguous. */
export const useRelatedListLabel = (
  objects: readonly ObjectDefinition[],
): ((list: { object: string; field: string; label?: ObjectDefinition["label"] }) => string) => {
  const { label } = useLocale();
  return (list) => {
    const child = objects.find((o) => o.name === list.object);
    const field = child?.fields.find((f) => f.name === list.field);
    const title = label(list.label ?? child?.pluralLabel, list.object);
    return `${title} (${label(field?.label, list.field)})`;
  };
};
