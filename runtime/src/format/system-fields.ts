import { type FieldDefinition, SYSTEM_FIELD_DISPLAY } from "@tessera/metadata";

/** A field definition standing for a system field (for display only); undefined for other names. */
export const systemFieldDefinition = (name: string): FieldDefinition | undefined => {
  const known = Object.hasOwn(SYSTEM_FIELD_DISPLAY, name)
    ? SYSTEM_FIELD_DISPLAY[name as keyof typeof SYSTEM_FIELD_DISPLAY]
    : undefined;
  return known === undefined
    ? undefined
    : ({ name, type: known.type, label: known.label } as FieldDefinition);
};

/** System fields holding a user id: shown by the user's name where the reader may see it. */
export const isSystemUserField = (name: string): boolean =>
  name === "ownerId" || name === "createdBy" || name === "updatedBy";
