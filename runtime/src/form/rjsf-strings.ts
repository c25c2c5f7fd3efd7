import { englishStringTranslator, TranslatableString } from "@rjsf/utils";
import type { FormText } from "./form-texts.js";

type FormTextKey = Parameters<FormText>[0];

const OWN: Partial<Record<TranslatableString, FormTextKey>> = {
  [TranslatableString.YesLabel]: "rjsf.yes",
  [TranslatableString.NoLabel]: "rjsf.no",
  [TranslatableString.ErrorsLabel]: "rjsf.errors",
  [TranslatableString.ClearLabel]: "rjsf.clear",
  [TranslatableString.ClearButton]: "rjsf.clear",
  [TranslatableString.NowLabel]: "rjsf.now",
  [TranslatableString.AddButton]: "rjsf.add",
  [TranslatableString.AddItemButton]: "rjsf.add",
  [TranslatableString.RemoveButton]: "rjsf.remove",
  [TranslatableString.ArrayItemTitle]: "rjsf.item",
};

/**
 * rjsf's own texts that a generated form can show, in the user's language; the rest (developer
 * diagnostics for schemas the compilers never produce) stay in English.
 */
export const translateRjsfString =
  (t: FormText) =>
  (text: TranslatableString, params?: string[]): string => {
    const key = OWN[text];
    return key === undefined ? englishStringTranslator(text, params) : t(key);
  };
