import { type Static, Type } from "@sinclair/typebox";
import { defineFieldSchema } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { TEXT_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { coerceText } from "../text-coercion.js";

export const AUTO_NUMBER_MAX_LENGTH = 255;

const autoNumberOptions = {
  /** e.g. "INV-{0000}" or "CASE-{YYYY}-{00000}": one counter token, optional date tokens. */
  format: Type.String({ minLength: 1, maxLength: 80 }),
  /** The first counter value. */
  startAt: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
};

export const autoNumberFieldSchema = defineFieldSchema("autoNumber", autoNumberOptions);
export type AutoNumberField = Static<typeof autoNumberFieldSchema>;

type DateToken = "YYYY" | "YY" | "MM" | "DD";
type FormatPart = { literal: string } | { counterWidth: number } | { date: DateToken };

const TOKEN = /\{([^{}]*)\}/g;
const COUNTER_TOKEN = /^0+$/;
const DATE_TOKENS: ReadonlySet<string> = new Set(["YYYY", "YY", "MM", "DD"]);
const isDateToken = (token: string): token is DateToken => DATE_TOKENS.has(token);

/** The parts of a format, or a sentence saying what is wrong with it. */
const parseAutoNumberFormat = (format: string): FormatPart[] | string => {
  const parts: FormatPart[] = [];
  let counters = 0;
  let position = 0;
  for (const match of format.matchAll(TOKEN)) {
    const [whole, token = ""] = match;
    parts.push({ literal: format.slice(position, match.index) });
    position = match.index + whole.length;
    if (COUNTER_TOKEN.test(token)) {
      counters++;
      parts.push({ counterWidth: token.length });
    } else if (isDateToken(token)) {
      parts.push({ date: token });
    } else {
      return `"{${token}}" is not a token: use {0000} for the counter and {YYYY}, {YY}, {MM}, {DD} for dates.`;
    }
  }
  const tail = format.slice(position);
  parts.push({ literal: tail });
  if (parts.some((part) => "literal" in part && /[{}]/.test(part.literal))) {
    return "Braces are only allowed around tokens such as {0000}.";
  }
  if (counters !== 1) return "The format needs exactly one counter token, such as {0000}.";
  return parts;
};

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

const datePart = (token: DateToken, date: Date): string => {
  switch (token) {
    case "YYYY":
      return pad(date.getUTCFullYear(), 4);
    case "YY":
      return pad(date.getUTCFullYear() % 100, 2);
    case "MM":
      return pad(date.getUTCMonth() + 1, 2);
    case "DD":
      return pad(date.getUTCDate(), 2);
  }
};

/**
 * The number for `counter` created at `date`: formatAutoNumber("INV-{0000}", 42, d) === "INV-0042".
 * The counter is padded to its token's width and never truncated (10000 prints in full). Date
 * tokens read `date`'s UTC fields: pass a date shifted to the tenant's zone for local dates.
 * Throws on a format `check` would refuse (formats are checked when metadata is saved).
 */
export const formatAutoNumber = (format: string, counter: number, date: Date): string => {
  const parts = parseAutoNumberFormat(format);
  if (typeof parts === "string") throw new Error(`Invalid auto-number format "${format}": ${parts}`);
  return parts
    .map((part) => {
      if ("literal" in part) return part.literal;
      if ("counterWidth" in part) return pad(counter, part.counterWidth);
      return datePart(part.date, date);
    })
    .join("");
};

/** A number the engine assigns once, on create, from a per-object counter; read-only afterwards. */
export const autoNumberField: FieldTypeDescriptor<AutoNumberField> = {
  type: "autoNumber",
  label: { en: "Auto number", "zh-CN": "自动编号" },
  category: "computed",
  source: "generated",
  schema: autoNumberFieldSchema,
  optionsSchema: defineOptionsSchema(autoNumberOptions),
  toJsonSchema: () => ({ type: "string", maxLength: AUTO_NUMBER_MAX_LENGTH }),
  toUiSchema: () => ({ "ui:readonly": true }),
  coerce: (value) => coerceText(value, AUTO_NUMBER_MAX_LENGTH),
  operators: TEXT_OPERATORS,
  indexHint: "value",
  check: (field) => {
    const parts = parseAutoNumberFormat(field.format);
    return typeof parts === "string"
      ? [{ path: "/format", code: "autoNumber.badFormat", message: parts }]
      : [];
  },
};
