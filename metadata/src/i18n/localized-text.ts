import { type Static, Type } from "@sinclair/typebox";

/** Locales Tessera ships labels and UI for. */
export const SUPPORTED_LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);

/** A label or help text in every shipped locale; English is required and is the fallback. */
export const LocalizedTextSchema = Type.Object(
  {
    en: Type.String({ minLength: 1, maxLength: 1000 }),
    "zh-CN": Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type LocalizedText = Static<typeof LocalizedTextSchema>;

/** The text for `locale`, falling back to English. */
export const localize = (text: LocalizedText | undefined, locale: Locale): string | undefined =>
  text === undefined ? undefined : (text[locale] ?? text.en);
