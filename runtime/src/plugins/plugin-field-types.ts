import { type CustomFieldTypeDefinition, registerCustomFieldType } from "@tessera/metadata";

/**
 * Registers the server's custom field types in this page, so the form compiler and the value
 * formatting know the fields that use them. A type is registered once per page: should a later
 * bootstrap bring a changed definition (a plugin upgraded while the page stayed open), the first
 * one stays until the page is reloaded; the server validates every write against its own anyway.
 */
export const registerPluginFieldTypes = (definitions: readonly CustomFieldTypeDefinition[] = []): void => {
  for (const definition of definitions) {
    try {
      registerCustomFieldType(definition);
    } catch {
      // Refused as a conflicting or malformed definition: fields of the type show their base input.
    }
  }
};
