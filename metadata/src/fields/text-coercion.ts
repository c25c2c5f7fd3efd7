import { accepted, refused } from "./coercion.js";
import type { Coercion } from "./field-type-descriptor.js";

/** Input read as text: strings as they are, finite numbers as they print; anything else is not text. */
export const readText = (value: unknown): string | undefined => {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
};

/**
 * Length in Unicode code points, as JSON Schema's `maxLength` counts it (ajv counts the same way),
 * so a string coercion accepts is never refused by the record schema for its length.
 */
export const characterCount = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
};

/** Cheap first: a string no longer in UTF-16 units than the limit is within it in code points. */
export const exceedsLength = (text: string, maxLength: number): boolean =>
  text.length > maxLength && characterCount(text) > maxLength;

/** C0 controls and DEL: never part of a name, an address or a URL someone typed. */
export const hasControlCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) return true;
  }
  return false;
};

export const tooLong = (maxLength: number): Coercion =>
  refused("field.tooLong", `Enter at most ${maxLength} characters.`);

export const notText = (): Coercion => refused("field.notText", "Enter text.");

/** Text stored as entered (not trimmed: leading spaces may matter), refused when over `maxLength`. */
export const coerceText = (value: unknown, maxLength: number): Coercion => {
  const text = readText(value);
  if (text === undefined) return notText();
  if (exceedsLength(text, maxLength)) return tooLong(maxLength);
  return accepted(text);
};
