import type {
  AppDefinition,
  FieldDefinition,
  LocalizedText,
  ObjectDefinition,
  SharingModel,
} from "@tessera/metadata";

/** How records of a new object are named: a text people type, or a number the engine assigns. */
export type RecordNameChoice = { type: "text" } | { type: "autoNumber"; format: string };

export interface NewObjectInput {
  name: string;
  label: LocalizedText;
  pluralLabel: LocalizedText;
  sharingModel: SharingModel;
  recordName: RecordNameChoice;
}

const NAME_LABEL = { en: "Name", "zh-CN": "名称" };

/** The field `name` that names the records, created with the object. */
export const recordNameField = (choice: RecordNameChoice): FieldDefinition =>
  choice.type === "text"
    ? { name: "name", type: "text", label: NAME_LABEL, required: true, maxLength: 255 }
    : { name: "name", type: "autoNumber", label: NAME_LABEL, format: choice.format, startAt: 1 };

/** A new object document: its labels, sharing model and the record-name field. */
export const buildNewObject = (input: NewObjectInput): ObjectDefinition => ({
  kind: "object",
  name: input.name,
  label: input.label,
  pluralLabel: input.pluralLabel,
  recordName: "name",
  sharingModel: input.sharingModel,
  fields: [recordNameField(input.recordName)],
});

/** The app with the object appended to its navigation (unchanged when it is already there). */
export const appendToNavigation = (app: AppDefinition, object: string): AppDefinition =>
  app.navigation.some((item) => item.type === "object" && item.object === object)
    ? app
    : { ...app, navigation: [...app.navigation, { type: "object", object }] };

/**
 * The English plural of a label, as a starting point the admin corrects ("Site Visit" -> "Site
 * Visits", "Opportunity" -> "Opportunities", "Address" -> "Addresses"). Chinese has no plural.
 */
export const pluralOf = (label: LocalizedText): LocalizedText => {
  const en = label.en.trimEnd();
  const plural =
    en === ""
      ? ""
      : /[^aeiou]y$/i.test(en)
        ? `${en.slice(0, -1)}ies`
        : /(s|x|z|ch|sh)$/i.test(en)
          ? `${en}es`
          : `${en}s`;
  return label["zh-CN"] === undefined ? { en: plural } : { en: plural, "zh-CN": label["zh-CN"] };
};
