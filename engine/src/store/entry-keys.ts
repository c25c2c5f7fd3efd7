import { isPlainObject, type JsonObject } from "@tessera/metadata";

/** Longest collection name or entry id: keys of small documents, never content. */
const MAX_KEY_LENGTH = 200;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A collection name, entry id or id prefix, checked: a string (an object could act as a MongoDB
 * operator), well-formed Unicode (both stores order ids by code point, which a lone surrogate has
 * none of), at most MAX_KEY_LENGTH characters and, unless `emptyAllowed`, not empty.
 */
export const entryKey = (value: unknown, what: string, emptyAllowed = false): string => {
  if (typeof value !== "string") throw new TypeError(`${what} must be a string`);
  if ((!emptyAllowed && value === "") || value.length > MAX_KEY_LENGTH || LONE_SURROGATE.test(value))
    throw new RangeError(`${what} must be 1 to ${MAX_KEY_LENGTH} characters of well-formed text`);
  return value;
};

/** An entry body as JSON text; a body that is not a plain JSON object is refused. */
export const entryBodyJson = (body: JsonObject): string => {
  if (!isPlainObject(body)) throw new TypeError("An entry body must be a JSON object");
  return JSON.stringify(body);
};

/** `ifRevision`, checked: absent, or a non-negative integer (0: the entry must not exist). */
export const expectedRevision = (value: unknown): number | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    throw new RangeError("ifRevision must be a non-negative integer");
  return value;
};

const MAX_CODE_POINT = 0x10ffff;
const SURROGATES_START = 0xd800;
const SURROGATES_END = 0xdfff;

/**
 * The least string greater than every string starting with `prefix`, in code point order (the
 * order of both SQLite's BINARY collation over UTF-8 and MongoDB's string comparison); undefined
 * when there is none (the prefix is all U+10FFFF). So ids starting with `prefix` are exactly those
 * `>= prefix` and `<` the bound: an index range, where a pattern would need escaping.
 */
export const prefixUpperBound = (prefix: string): string | undefined => {
  const codePoints = [...prefix].map((character) => character.codePointAt(0) as number);
  while (codePoints.length > 0) {
    const last = codePoints.pop() as number;
    if (last < MAX_CODE_POINT) {
      const next = last + 1 === SURROGATES_START ? SURROGATES_END + 1 : last + 1;
      return String.fromCodePoint(...codePoints, next);
    }
  }
  return undefined;
};
