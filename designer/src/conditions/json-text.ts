import type { JsonValue } from "@tessera/metadata";

export type JsonText = { ok: true; value: JsonValue | undefined } | { ok: false; reason: string };

/** JSON typed by an admin: blank text is no value; anything else must parse. */
export const parseJsonText = (text: string): JsonText => {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
};

/** A value as the JSON views show it: indented, and empty for no value. */
export const jsonTextOf = (value: JsonValue | undefined): string =>
  value === undefined ? "" : JSON.stringify(value, null, 2);
