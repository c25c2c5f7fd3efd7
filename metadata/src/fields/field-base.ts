import { type TProperties, type TSchema, Type } from "@sinclair/typebox";
import { LocalizedTextSchema } from "../i18n/localized-text.js";

/**
 * Names of fields and objects: camelCase ASCII, starting with a lower-case letter. Names of
 * Object.prototype members are refused: names become keys of records and maps everywhere.
 */
export const NAME_PATTERN =
  "^(?!(?:constructor|prototype|toString|toLocaleString|valueOf|hasOwnProperty|isPrototypeOf|propertyIsEnumerable)$)[a-z][A-Za-z0-9]{0,62}$";
export const NAME_REGEX = new RegExp(NAME_PATTERN);

/** Fields every record carries; metadata may not declare them and clients may never write them. */
export const SYSTEM_FIELDS = [
  "id",
  "version",
  "ownerId",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
  "tenant",
] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];
export const isSystemField = (name: string): name is SystemField =>
  (SYSTEM_FIELDS as readonly string[]).includes(name);

/** A JsonLogic expression; its content is checked by the rule validator, not by JSON Schema. */
export const ExpressionSchema = Type.Unknown({ description: "A JsonLogic expression" });

/** Keys every field definition has, whatever its type. */
export const fieldBaseProperties = {
  /** Stable id for template upgrades: merges follow ids, not names or labels. */
  id: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9_.:-]{1,120}$" })),
  name: Type.String({ maxLength: 63 }),
  label: LocalizedTextSchema,
  helpText: Type.Optional(LocalizedTextSchema),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
} satisfies TProperties;

/** `required` and `unique`, for field types that store a value a user enters. */
export const requiredProperty = { required: Type.Optional(Type.Boolean()) } satisfies TProperties;
export const uniqueProperty = { unique: Type.Optional(Type.Boolean()) } satisfies TProperties;

/** `default`: a literal value of the field's type, or `{"expression": <JsonLogic>}` computed on create. */
export const defaultProperty = (valueSchema: TSchema) =>
  ({
    default: Type.Optional(
      Type.Union([
        valueSchema,
        Type.Object({ expression: ExpressionSchema }, { additionalProperties: false }),
      ]),
    ),
  }) satisfies TProperties;

/**
 * The JSON Schema of one field type's definition: the base keys, `type` fixed to the type's name,
 * and its options. Unknown keys are refused so typos ("requried") surface.
 */
export const defineFieldSchema = <K extends string, P extends TProperties>(type: K, options: P) =>
  Type.Object(
    { ...fieldBaseProperties, type: Type.Literal(type), ...options },
    { additionalProperties: false },
  );
