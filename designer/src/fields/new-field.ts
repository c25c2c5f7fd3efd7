import type {
  FieldDefinition,
  FieldDefinitionMap,
  FieldType,
  LocalizedText,
  ObjectDefinition,
} from "@tessera/metadata";
import { customFieldTypes, fieldTypes } from "@tessera/metadata";
import { insertItem } from "../dnd/move-item.js";
import { uniqueName } from "../editing/name-from-label.js";

/** API names of fields the admin just added and has not named yet: `newField`, `newField2`, ... */
export const NEW_FIELD_NAME = "newField";
export const NEW_FIELD_PATTERN = /^newField[0-9]*$/;

/** What a new field's required options are chosen from. */
export interface NewFieldContext {
  /** The object the field is added to. */
  object: string;
  /** Every object of the draft (lookups need a target, roll-ups a child). */
  objects: readonly ObjectDefinition[];
}

type OptionsOf<K extends FieldType> = Omit<FieldDefinitionMap[K], "name" | "type" | "label">;

const FIRST_OPTION = [{ value: "option1", label: { en: "Option 1", "zh-CN": "选项 1" } }];

/** The object a new lookup points to: Account when there is one (the usual CRM case), else another object. */
const defaultReference = ({ object, objects }: NewFieldContext): string =>
  objects.find((o) => o.name === "account" && o.name !== object)?.name ??
  objects.find((o) => o.name !== object)?.name ??
  object;

/** A child object with a lookup or master-detail field to `object`, for a new roll-up summary. */
const defaultRollupChild = ({ object, objects }: NewFieldContext) => {
  for (const child of objects) {
    const relation = child.fields.find(
      (f) => (f.type === "masterDetail" || f.type === "lookup") && f.reference === object,
    );
    if (relation !== undefined) return { childObject: child.name, relationshipField: relation.name };
  }
  // No child yet: the engine reports the empty names on the controls where the admin picks them.
  return { childObject: "", relationshipField: "" };
};

/**
 * The options a field of each type needs to be valid from the start (a picklist's first option, a
 * lookup's target, an auto-number's format). Typed by the registry's map, so a new field type does
 * not compile until it has its defaults here.
 */
const REQUIRED_OPTIONS: { readonly [K in FieldType]: (context: NewFieldContext) => OptionsOf<K> } = {
  text: () => ({}),
  textarea: () => ({}),
  richText: () => ({}),
  email: () => ({}),
  phone: () => ({}),
  url: () => ({}),
  number: () => ({}),
  currency: () => ({}),
  percent: () => ({}),
  boolean: () => ({}),
  date: () => ({}),
  datetime: () => ({}),
  time: () => ({}),
  picklist: () => ({ options: FIRST_OPTION }),
  multiPicklist: () => ({ options: FIRST_OPTION }),
  lookup: (context) => ({ reference: defaultReference(context) }),
  masterDetail: (context) => ({ reference: defaultReference(context) }),
  user: () => ({}),
  autoNumber: () => ({ format: "{0000}", startAt: 1 }),
  formula: () => ({ expression: "", returnType: "text" }),
  rollupSummary: (context) => ({ ...defaultRollupChild(context), operation: "count" }),
  geolocation: () => ({}),
  file: () => ({}),
  // With no type registered, validation reports the empty name where the admin picks one.
  custom: () => ({ customType: customFieldTypes()[0]?.name ?? "" }),
};

/** "New Date field" / "新建日期字段": the label of a field just taken from the palette. */
export const newFieldLabel = (type: FieldType): LocalizedText => {
  const typeLabel = fieldTypes[type].label;
  return { en: `New ${typeLabel.en} field`, "zh-CN": `新建${typeLabel["zh-CN"] ?? typeLabel.en}字段` };
};

/** A valid field of `type` named `name`, with the options its type requires. */
export const newField = (type: FieldType, name: string, context: NewFieldContext): FieldDefinition =>
  ({ name, type, label: newFieldLabel(type), ...REQUIRED_OPTIONS[type](context) }) as FieldDefinition;

/** `fields` with a new field of `type` at `index` (clamped), named `newField`, `newField2`, ... */
export const insertNewField = (
  fields: readonly FieldDefinition[],
  type: FieldType,
  index: number,
  context: NewFieldContext,
): { fields: FieldDefinition[]; index: number } => {
  const name = uniqueName(NEW_FIELD_NAME, new Set(fields.map((f) => f.name)));
  const at = Math.max(0, Math.min(index, fields.length));
  return { fields: insertItem(fields, at, newField(type, name, context)), index: at };
};

const BASE_KEYS = ["id", "name", "label", "helpText", "description"] as const;

/**
 * The field as a field of another type: its name, labels and description stay, the old type's
 * options go and the new type's required ones come. `required` stays when the new type has it.
 */
export const changeFieldType = (
  field: FieldDefinition,
  type: FieldType,
  context: NewFieldContext,
): FieldDefinition => {
  if (field.type === type) return field;
  const kept: Record<string, unknown> = {};
  for (const key of BASE_KEYS) if (field[key] !== undefined) kept[key] = field[key];
  const keepsRequired =
    "required" in field &&
    field.required !== undefined &&
    "required" in fieldTypes[type].optionsSchema.properties;
  return {
    ...kept,
    type,
    ...REQUIRED_OPTIONS[type](context),
    ...(keepsRequired ? { required: field.required } : {}),
  } as FieldDefinition;
};
