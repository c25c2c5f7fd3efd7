import type { FieldDefinition, JsonValue } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Input, InputNumber, Select } from "antd";
import type { DirectoryUser } from "./action-defaults.js";
import { useActionText } from "./action-texts.js";
import { UserSelect } from "./user-select.js";

interface Props {
  field: FieldDefinition | undefined;
  value: unknown;
  onChange: (next: JsonValue) => void;
  label: string;
  users: readonly DirectoryUser[];
  status?: "error";
}

const asText = (value: unknown): string =>
  typeof value === "string" ? value : value === null || value === undefined ? "" : JSON.stringify(value);

/** Blank text means "no value": the field is cleared, which every field type accepts. */
const fromText = (text: string): JsonValue => (text === "" ? null : text);

/**
 * A fixed value for one field, with the input its type calls for: Yes/No, a number, a picklist's
 * options, a user of the tenant, or text in the format the field's coercion reads.
 */
export const FieldValueInput = ({ field, value, onChange, label, users, status }: Props) => {
  const t = useActionText();
  const { label: localize } = useLocale();
  switch (field?.type) {
    case undefined:
      return <Input aria-label={label} disabled placeholder={t("value.pickField")} />;
    case "boolean":
      return (
        <Select
          aria-label={label}
          status={status}
          allowClear
          placeholder={t("value.empty")}
          value={typeof value === "boolean" ? String(value) : undefined}
          onChange={(next: string | undefined) => onChange(next === undefined ? null : next === "true")}
          options={[
            { value: "true", label: t("value.yes") },
            { value: "false", label: t("value.no") },
          ]}
        />
      );
    case "number":
    case "currency":
    case "percent":
      return (
        <InputNumber
          aria-label={label}
          status={status}
          style={{ width: "100%" }}
          placeholder={t("value.empty")}
          value={typeof value === "number" ? value : null}
          onChange={(next) => onChange(typeof next === "number" ? next : null)}
        />
      );
    case "picklist":
    case "multiPicklist":
      return (
        <Select
          aria-label={label}
          status={status}
          allowClear
          mode={field.type === "multiPicklist" ? "multiple" : undefined}
          placeholder={t("value.empty")}
          value={(value ?? undefined) as string | string[] | undefined}
          onChange={(next: string | string[] | undefined) => onChange(next ?? null)}
          options={field.options.map((option) => ({
            value: option.value,
            label: localize(option.label, option.value),
          }))}
        />
      );
    case "user":
      return (
        <UserSelect
          label={label}
          status={status}
          by="id"
          allowClear
          placeholder={t("value.empty")}
          users={users}
          value={typeof value === "string" ? value : undefined}
          onChange={(next) => onChange(next ?? null)}
        />
      );
    case "textarea":
    case "richText":
      return (
        <Input.TextArea
          aria-label={label}
          status={status}
          autoSize={{ minRows: 2, maxRows: 6 }}
          value={asText(value)}
          onChange={(e) => onChange(fromText(e.target.value))}
        />
      );
    default:
      return (
        <Input
          aria-label={label}
          status={status}
          placeholder={placeholderOf(field?.type ?? "text", t)}
          value={asText(value)}
          onChange={(e) => onChange(fromText(e.target.value))}
        />
      );
  }
};

const placeholderOf = (type: string, t: ReturnType<typeof useActionText>): string | undefined => {
  switch (type) {
    case "date":
      return t("value.date");
    case "datetime":
      return t("value.datetime");
    case "time":
      return t("value.time");
    case "lookup":
    case "masterDetail":
      return t("value.recordId");
    default:
      return undefined;
  }
};
