import type { JsonValue } from "../json/json-types.js";

export const MATCH_NORMALIZERS = ["text", "companyName", "email", "phone", "exact"] as const;
export type MatchNormalizer = (typeof MATCH_NORMALIZERS)[number];

/** Punctuation and symbols (Unicode P and S categories): "O'Brien-Smith & Co." -> "obriensmith co". */
const PUNCTUATION = /[\p{P}\p{S}]/gu;
const WHITESPACE = /\s+/gu;

/** NFKC (full-width letters and digits become ASCII), lower case, no punctuation, single spaces. */
const normalizeText = (text: string): string =>
  text.normalize("NFKC").toLowerCase().replace(PUNCTUATION, "").replace(WHITESPACE, " ").trim();

/**
 * Legal-form suffixes, written as normalizeText leaves them ("Co., Ltd." -> "co ltd"), longest
 * first so "co ltd" goes before "ltd" would leave a dangling "co".
 */
const LATIN_SUFFIXES = [
  "corporation",
  "pte ltd",
  "limited",
  "co ltd",
  "gmbh",
  "corp",
  "inc",
  "llc",
  "ltd",
  "plc",
  "ag",
  "sa",
].map((suffix) => ` ${suffix}`);

/** Chinese legal forms end the name without a space; longest first ("股份有限公司" before "有限公司" before "公司"). */
const CJK_SUFFIXES = ["股份有限公司", "有限责任公司", "有限公司", "集团", "公司"];

const stripSuffix = (name: string): string | undefined => {
  for (const suffix of LATIN_SUFFIXES) if (name.endsWith(suffix)) return name.slice(0, -suffix.length).trim();
  for (const suffix of CJK_SUFFIXES) if (name.endsWith(suffix)) return name.slice(0, -suffix.length).trim();
  return undefined;
};

/**
 * normalizeText, a leading "the " removed, then legal-form suffixes removed from the end one after
 * another ("阿里巴巴集团有限公司" -> "阿里巴巴", "Acme Holdings Co., Ltd." -> "acme holdings"), but never
 * down to nothing: "Limited" alone stays "limited".
 */
const normalizeCompanyName = (text: string): string => {
  let name = normalizeText(text);
  if (name.startsWith("the ") && name.length > 4) name = name.slice(4);
  for (
    let stripped = stripSuffix(name);
    stripped !== undefined && stripped !== "";
    stripped = stripSuffix(name)
  ) {
    name = stripped;
  }
  return name;
};

/** A Chinese mobile number: 11 digits starting with 1. */
const CN_MOBILE = /^1\d{10}$/;

/**
 * Digits only (after NFKC, so full-width digits count). A Chinese country code, written "+86",
 * "0086" or "86" in front of a number of 12 or more digits, is dropped: from a mobile number the
 * 11 digits are kept ("+86 138-0013-8000" -> "13800138000"); a landline gets its trunk "0" back
 * ("+86 10 6552 9988" -> "01065529988", as dialled inside China). Other numbers keep every digit,
 * country code included: "+1 415 555 0100" -> "14155550100", "(415) 555-0100" -> "4155550100"
 * (these two do not match).
 */
const normalizePhone = (text: string): string => {
  const raw = text.normalize("NFKC").trim();
  const digits = raw.replace(/\D/gu, "");
  let national: string | undefined;
  if (digits.startsWith("0086")) national = digits.slice(4);
  else if (digits.startsWith("86") && (raw.startsWith("+") || digits.length >= 12))
    national = digits.slice(2);
  if (national === undefined || national.length < 7) return digits;
  if (CN_MOBILE.test(national)) return national;
  return national.startsWith("0") ? national : `0${national}`;
};

/** Text a text-like normaliser reads from a value: strings, numbers and booleans; others have none. */
const scalarText = (value: JsonValue): string | undefined => {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
};

/**
 * The form of a field value two records are compared by in duplicate rules; null when the value
 * cannot match anything (null, empty, or empty once normalised: null never matches null).
 * - text: NFKC, lower case, punctuation and symbols removed, whitespace collapsed to one space, trimmed.
 * - companyName: text, then a leading "the " and trailing legal forms removed (see normalizeCompanyName).
 * - email: trimmed and lower-cased; nothing else (gmail dots and "+tags" are distinct addresses).
 * - phone: see normalizePhone.
 * - exact: the value's JSON text ("1" and 1 differ, "Acme" and "acme" differ); "" and [] are empty.
 * Text-like normalisers read strings, numbers and booleans; an array or object gives null.
 */
export const normalizeForMatch = (value: JsonValue, normalizer: MatchNormalizer): string | null => {
  if (value === null) return null;
  let normalized: string;
  if (normalizer === "exact") {
    if (value === "" || (Array.isArray(value) && value.length === 0)) return null;
    normalized = JSON.stringify(value);
  } else {
    const text = scalarText(value);
    if (text === undefined) return null;
    switch (normalizer) {
      case "text":
        normalized = normalizeText(text);
        break;
      case "companyName":
        normalized = normalizeCompanyName(text);
        break;
      case "email":
        normalized = text.trim().toLowerCase();
        break;
      case "phone":
        normalized = normalizePhone(text);
        break;
    }
  }
  return normalized === "" ? null : normalized;
};
