import type { TSchema } from "@sinclair/typebox";
import type { ErrorObject } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import { escapePointerToken } from "../../../metadata/src/issues/metadata-issue.js";

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats = (ajvFormats as unknown as { default: FormatsPlugin }).default;

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

/** The property an error is about, for keywords whose instancePath stops at the parent object. */
const propertyOf = (error: ErrorObject): string | undefined => {
  const params = error.params as Record<string, unknown>;
  const name = params.missingProperty ?? params.additionalProperty ?? params.propertyName;
  return typeof name === "string" ? name : undefined;
};

/**
 * Compiles `schema` strictly (throws on an invalid schema) and lists the JSON pointers `doc` fails
 * it at, deduplicated. A missing, unknown or forbidden property is pointed at itself
 * (`/objects/__proto__`, not `/objects`), as the validator reports it to admins.
 */
export const refusedAt = (schema: TSchema, doc: unknown): string[] => {
  const validate = ajv.compile(schema);
  if (validate(doc)) return [];
  const paths = (validate.errors ?? [])
    // A refused property name is reported twice, by `propertyNames` and by its inner `not`.
    .filter((error) => !(error.keyword === "not" && error.propertyName !== undefined))
    .map((error) => {
      const property = propertyOf(error);
      return property === undefined
        ? error.instancePath
        : `${error.instancePath}/${escapePointerToken(property)}`;
    });
  return [...new Set(paths)];
};
