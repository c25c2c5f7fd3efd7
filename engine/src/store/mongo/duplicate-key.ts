import { StoreError } from "../store-port.js";

const DUPLICATE_KEY = 11000;

/** The document key a duplicate-key error names, or undefined for any other error. */
export const duplicateKeyOf = (error: unknown): string | undefined => {
  const candidates = [error, ...writeErrorsOf(error)];
  if (!candidates.some((candidate) => property(candidate, "code") === DUPLICATE_KEY)) return undefined;
  for (const candidate of candidates) {
    const pattern =
      property(candidate, "keyPattern") ?? property(property(candidate, "errorResponse"), "keyPattern");
    if (typeof pattern === "object" && pattern !== null) {
      const [key] = Object.keys(pattern);
      if (key !== undefined) return key;
    }
  }
  // Servers before 4.4 only name the key in the message: `dup key: { amount: 5 }`.
  for (const candidate of candidates) {
    const message = property(candidate, "errmsg") ?? property(candidate, "message");
    const key =
      typeof message === "string"
        ? /dup key: \{ ?"?([A-Za-z_][A-Za-z0-9_]*)"?\s*:/.exec(message)?.[1]
        : undefined;
    if (key !== undefined) return key;
  }
  return "";
};

/**
 * The StoreError for a failed record write: `duplicateId` when the `_id` is taken (inserts only),
 * `uniqueViolation` naming the field of the unique index otherwise; other errors pass unchanged.
 */
export const recordWriteError = (error: unknown, object: string): unknown => {
  const key = duplicateKeyOf(error);
  if (key === undefined) return error;
  if (key === "_id") return new StoreError("duplicateId", `A ${object} record with this id exists`);
  return new StoreError(
    "uniqueViolation",
    `Another ${object} record has this ${key || "value"}`,
    key || undefined,
  );
};

/** A bulk write error's write errors: one or an array of them, each with its raw `err`. */
const writeErrorsOf = (error: unknown): unknown[] => {
  const errors = property(error, "writeErrors");
  const list: unknown[] = Array.isArray(errors) ? errors : errors === undefined ? [] : [errors];
  return list.flatMap((writeError) => [writeError, property(writeError, "err")]);
};

const property = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
