/** Characters with a meaning in JavaScript and PCRE patterns outside character classes. */
const METACHARACTERS = /[\\^$.*+?()[\]{}|]/g;

/**
 * A pattern matching exactly `text`, in JavaScript and in MongoDB's PCRE alike. Every
 * metacharacter is escaped with a backslash (in both engines a backslash before a non-alphanumeric
 * character stands for that character), so user text can never add alternation, groups or
 * quantifiers: matching stays linear in the input (no ReDoS). NUL is written `\x00` because the
 * server refuses patterns holding a NUL byte.
 */
export const regexLiteral = (text: string): string =>
  text.replace(METACHARACTERS, "\\$&").replaceAll("\u0000", "\\x00");
