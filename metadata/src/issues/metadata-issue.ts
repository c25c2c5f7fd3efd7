/**
 * One problem found in metadata. `path` is a JSON pointer into `document`
 * (e.g. `/fields/3/type`); `message` is written for a business admin.
 */
export interface MetadataIssue {
  /** `kind/name` of the document, or a file name when the document could not be identified. */
  document: string;
  path: string;
  code: string;
  message: string;
}

/** Escapes one JSON-pointer reference token (RFC 6901). */
export const escapePointerToken = (token: string | number): string =>
  String(token).replace(/~/g, "~0").replace(/\//g, "~1");

/** Joins reference tokens into a JSON pointer: pointer("fields", 3, "type") === "/fields/3/type". */
export const pointer = (...tokens: ReadonlyArray<string | number>): string =>
  tokens.map((t) => `/${escapePointerToken(t)}`).join("");
