import { Ajv2020 } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import type { JsonSchema } from "../../../metadata/src/json/json-types.js";
import { createAjv } from "../../../metadata/src/validate/create-ajv.js";

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFullFormats = (ajvFormats as unknown as { default: FormatsPlugin }).default;

/**
 * Compiles a field's record-value schema with Tessera's ajv (strict, fast formats) and with a
 * strict ajv using ajv-formats' full formats; compiling throws on any strict-mode violation. The
 * returned check throws when the two disagree, so a test's verdict holds under both.
 */
export const valueValidator = (schema: JsonSchema): ((value: unknown) => boolean) => {
  const full = new Ajv2020({ strict: true, allErrors: true });
  addFullFormats(full);
  const validators = [createAjv().compile(schema), full.compile(schema)];
  return (value) => {
    const [fast, thorough] = validators.map((validate) => validate(value));
    if (fast !== thorough) throw new Error(`fast and full formats disagree on ${JSON.stringify(value)}`);
    return fast === true;
  };
};
