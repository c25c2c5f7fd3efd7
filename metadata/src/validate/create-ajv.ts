import { Ajv2020 } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";

export type { ErrorObject } from "ajv";
export type { Ajv2020 } from "ajv/dist/2020.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives as `.default`.
type FormatsPlugin = (ajv: Ajv2020, options?: { mode?: "fast" | "full" }) => Ajv2020;
const addFormats = (ajvFormats as unknown as { default: FormatsPlugin }).default;

/**
 * The one ajv configuration Tessera uses: JSON Schema 2020-12, strict mode (unknown keywords are
 * errors), every error reported, no `$data` (SECURITY.md), formats in their fast forms.
 */
export const createAjv = (): Ajv2020 => {
  const ajv = new Ajv2020({ strict: true, allErrors: true, $data: false, validateFormats: true });
  addFormats(ajv, { mode: "fast" });
  return ajv;
};
