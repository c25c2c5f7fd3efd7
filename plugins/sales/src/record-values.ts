import type { JsonValue } from "@tessera/metadata";

const DAY_MS = 86_400_000;

/** The id a lookup or user value holds: the API shows them as `{id, name}`, the store as the id. */
export const idOf = (value: JsonValue | undefined): string | undefined => {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "object" && value !== null && !Array.isArray(value) && typeof value.id === "string")
    return value.id;
  return undefined;
};

export const textOf = (value: JsonValue | undefined): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

export const numberOf = (value: JsonValue | undefined): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/** The UTC calendar day of `at`, as a date field stores it. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

export const daysBefore = (at: Date, days: number): Date => new Date(at.getTime() - days * DAY_MS);

export const daysAfter = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);
