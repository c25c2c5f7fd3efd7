import { type Static, Type } from "@sinclair/typebox";
import { accepted, refused } from "../coercion.js";
import { defaultProperty, defineFieldSchema, requiredProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { checkLiteralDefault } from "../literal-default.js";
import { TEXT_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { hasControlCharacter, readText } from "../text-coercion.js";

export const URL_MAX_LENGTH = 2048;

const urlOptions = {
  ...requiredProperty,
  ...defaultProperty(Type.String({ maxLength: URL_MAX_LENGTH })),
};

export const urlFieldSchema = defineFieldSchema("url", urlOptions);
export type UrlField = Static<typeof urlFieldSchema>;

const SCHEME_AND_AUTHORITY = /^(https?):\/\/([^/?#]*)(.*)$/i;
const HOST_AND_PORT = /^([^:]+)(?::([0-9]{1,5}))?$/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Path, query and fragment in RFC 3986 characters: a subset of ajv-formats' "uri", so a coerced URL
// always passes the record schema. Segments are split by "/", which no class contains: linear.
const PATH_QUERY_FRAGMENT =
  /^(?:\/(?:[\w\-.~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)*(?:\?(?:[\w\-.~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?(?:#(?:[\w\-.~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$/;
// Everything outside printable ASCII (" " to "~"); control characters are refused before this applies.
const NON_ASCII = /[^ -~]+/gu;

const invalidUrl = () =>
  refused(
    "field.invalidUrl",
    "Enter a web address starting with http:// or https://, such as https://example.com.",
  );

const encodeNonAscii = (text: string): string | undefined => {
  try {
    return text.replace(NON_ASCII, (characters) => encodeURIComponent(characters));
  } catch {
    return undefined;
  }
};

/**
 * Scheme and host are lower-cased and non-ASCII characters in the path are percent-encoded; nothing
 * is added ("example.com" is refused, not guessed). Refused: other schemes (javascript:, data:,
 * ftp:), credentials in the address (a phishing device: "https://bank.com@evil.example"), IP-literal
 * hosts in brackets, and non-ASCII host names (write them in punycode).
 */
const coerceUrl = (value: unknown) => {
  const text = readText(value)?.trim();
  if (text === undefined || text.length > URL_MAX_LENGTH || /\s/.test(text) || hasControlCharacter(text)) {
    return invalidUrl();
  }
  const parts = SCHEME_AND_AUTHORITY.exec(text);
  const hostAndPort = parts?.[2] === undefined ? null : HOST_AND_PORT.exec(parts[2].toLowerCase());
  if (parts === null || hostAndPort === null) return invalidUrl();
  const [, scheme = "", , rest = ""] = parts;
  const [, host = "", port] = hostAndPort;
  const path = encodeNonAscii(rest);
  const valid =
    host.split(".").every((label) => HOST_LABEL.test(label)) &&
    (port === undefined || Number(port) <= 65_535) &&
    path !== undefined &&
    PATH_QUERY_FRAGMENT.test(path);
  if (!valid) return invalidUrl();
  const url = `${scheme.toLowerCase()}://${host}${port === undefined ? "" : `:${port}`}${path}`;
  return url.length > URL_MAX_LENGTH ? invalidUrl() : accepted(url);
};

/** A web address (http or https only). */
export const urlField: FieldTypeDescriptor<UrlField> = {
  type: "url",
  label: { en: "URL", "zh-CN": "网址" },
  category: "text",
  source: "input",
  schema: urlFieldSchema,
  optionsSchema: defineOptionsSchema(urlOptions),
  toJsonSchema: () => ({
    type: "string",
    maxLength: URL_MAX_LENGTH,
    format: "uri",
    pattern: "^[Hh][Tt][Tt][Pp][Ss]?://",
  }),
  toUiSchema: () => ({ "ui:widget": "uri" }),
  coerce: coerceUrl,
  operators: TEXT_OPERATORS,
  indexHint: "value",
  check: (field) => checkLiteralDefault(field, urlField.coerce),
};
