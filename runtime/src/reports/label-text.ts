import type { LocalizedText } from "@tessera/metadata";
import { useLocale } from "../i18n/locale-context.js";

/**
 * A label the API sends either already localised (a string) or as metadata's LocalizedText;
 * `fallback` (an API name) when there is none.
 */
export const useLabelText = () => {
  const { label } = useLocale();
  return (text: string | LocalizedText | undefined, fallback = ""): string =>
    typeof text === "string" ? text : label(text, fallback);
};
