import { type Static, Type } from "@sinclair/typebox";
import { ExpressionSchema, NAME_PATTERN } from "../fields/field-base.js";
import { FieldDefinitionSchema } from "../fields/registry.js";
import { LocalizedTextSchema } from "../i18n/localized-text.js";

export const SHARING_MODELS = ["private", "publicRead", "publicReadWrite", "controlledByParent"] as const;
export type SharingModel = (typeof SHARING_MODELS)[number];

export const ValidationRuleSchema = Type.Object(
  {
    name: Type.String({ pattern: NAME_PATTERN }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    active: Type.Optional(Type.Boolean()),
    /** The record is refused when this JsonLogic expression is truthy. */
    errorWhen: ExpressionSchema,
    message: LocalizedTextSchema,
    /** The field the error is shown on; the record as a whole when absent. */
    field: Type.Optional(Type.String({ pattern: NAME_PATTERN })),
  },
  { additionalProperties: false },
);
export type ValidationRule = Static<typeof ValidationRuleSchema>;

export const ObjectDefinitionSchema = Type.Object(
  {
    kind: Type.Literal("object"),
    id: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9_.:-]{1,120}$" })),
    name: Type.String({ pattern: NAME_PATTERN }),
    label: LocalizedTextSchema,
    pluralLabel: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    /** Icon name from the runtime's icon set. */
    icon: Type.Optional(Type.String({ pattern: "^[a-z][a-z0-9-]{0,40}$" })),
    /** The field shown as the record's name in lists, lookups and titles. */
    recordName: Type.String({ pattern: NAME_PATTERN }),
    sharingModel: Type.Union(SHARING_MODELS.map((m) => Type.Literal(m))),
    /** Keep field history for these fields; every tracked field by default when absent. */
    trackHistory: Type.Optional(Type.Boolean()),
    fields: Type.Array(FieldDefinitionSchema, { minItems: 1, maxItems: 500 }),
    validationRules: Type.Optional(Type.Array(ValidationRuleSchema, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type ObjectDefinition = Static<typeof ObjectDefinitionSchema>;
