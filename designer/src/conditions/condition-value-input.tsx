import type { FieldDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { DatePicker, Input, InputNumber, Select, Space, TimePicker } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { RuleValue } from "./condition-tree.js";
import { useConditionText } from "./conditions-texts.js";
import { type ValueShape, valueInputOf } from "./operators-by-type.js";

export type Scalar = string | number | boolean;

const TIME_FORMAT = "HH:mm";

const asDayjs = (value: unknown): Dayjs | null => {
  if (typeof value !== "string") return null;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed : null;
};

const asTime = (value: unknown): Dayjs | null => {
  if (typeof value !== "string") return null;
  const parsed = dayjs(value, value.length > 5 ? "HH:mm:ss" : TIME_FORMAT);
  return parsed.isValid() ? parsed : null;
};

const useChoiceOptions = (field: FieldDefinition) => {
  const { label } = useLocale();
  return field.type === "picklist" || field.type === "multiPicklist"
    ? field.options.map((o) => ({ value: o.value, label: label(o.label, o.value) }))
    : [];
};

export interface ScalarProps {
  field: FieldDefinition;
  value: Scalar | undefined;
  onChange: (next: Scalar | undefined) => void;
  label: string;
  status?: "error";
}

/** One value, typed as the field's type asks: text, number, date, date and time, time, yes/no, option. */
export const ScalarInput = ({ field, value, onChange, label, status }: ScalarProps) => {
  const t = useConditionText();
  const options = useChoiceOptions(field);
  switch (valueInputOf(field)) {
    case "number":
      return (
        <InputNumber
          aria-label={label}
          status={status}
          value={typeof value === "number" ? value : null}
          onChange={(next) => onChange(typeof next === "number" ? next : undefined)}
          style={{ width: 160 }}
        />
      );
    case "date":
      return (
        <DatePicker
          aria-label={label}
          status={status}
          value={asDayjs(value)}
          onChange={(next: Dayjs | null) => onChange(next === null ? undefined : next.format("YYYY-MM-DD"))}
        />
      );
    case "datetime":
      return (
        <DatePicker
          aria-label={label}
          status={status}
          showTime={{ format: TIME_FORMAT }}
          value={asDayjs(value)}
          onChange={(next: Dayjs | null) => onChange(next === null ? undefined : next.toDate().toISOString())}
        />
      );
    case "time":
      return (
        <TimePicker
          aria-label={label}
          status={status}
          format={TIME_FORMAT}
          value={asTime(value)}
          onChange={(next: Dayjs | null) => onChange(next === null ? undefined : next.format(TIME_FORMAT))}
        />
      );
    case "boolean":
      return (
        <Select<string>
          aria-label={label}
          status={status}
          value={value === true ? "yes" : value === false ? "no" : undefined}
          onChange={(next) => onChange(next === "yes")}
          options={[
            { value: "yes", label: t("yes") },
            { value: "no", label: t("no") },
          ]}
          style={{ width: 100 }}
        />
      );
    case "choice":
      return (
        <Select<string>
          aria-label={label}
          status={status}
          showSearch={{ optionFilterProp: "label" }}
          value={typeof value === "string" ? value : undefined}
          onChange={onChange}
          options={options}
          style={{ minWidth: 180 }}
        />
      );
    default:
      return (
        <Input
          aria-label={label}
          status={status}
          placeholder={valueInputOf(field) === "reference" ? t("reference.placeholder") : undefined}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value)}
          style={{ width: 200 }}
        />
      );
  }
};

interface Props {
  field: FieldDefinition;
  shape: ValueShape;
  value: RuleValue | undefined;
  onChange: (next: RuleValue | undefined) => void;
  /** Marks the input while the row still lacks its value. */
  incomplete?: boolean;
}

const listOf = (value: RuleValue | undefined): Array<string | number> =>
  Array.isArray(value)
    ? value.filter((v): v is string | number => typeof v === "string" || typeof v === "number")
    : [];

const rangeEnd = (value: unknown): string | number | undefined =>
  typeof value === "string" || typeof value === "number" ? value : undefined;

/** The value part of a condition row, shaped by its operator: nothing, one value, a range or a list. */
export const ConditionValueInput = ({ field, shape, value, onChange, incomplete }: Props) => {
  const t = useConditionText();
  const options = useChoiceOptions(field);
  const status = incomplete === true ? "error" : undefined;
  if (shape === "none") return null;
  if (shape === "range") {
    const [low, high] = Array.isArray(value) ? value : [];
    return (
      <Space.Compact>
        <ScalarInput
          field={field}
          label={t("from")}
          value={rangeEnd(low)}
          onChange={(next) => onChange([rangeEnd(next), rangeEnd(high)])}
        />
        <ScalarInput
          field={field}
          label={t("to")}
          value={rangeEnd(high)}
          onChange={(next) => onChange([rangeEnd(low), rangeEnd(next)])}
        />
      </Space.Compact>
    );
  }
  if (shape === "list") {
    const input = valueInputOf(field);
    return (
      <Select<Array<string | number>>
        aria-label={t("value")}
        mode={input === "choice" ? "multiple" : "tags"}
        placeholder={input === "choice" ? undefined : t("list.placeholder")}
        value={listOf(value)}
        tokenSeparators={[","]}
        options={options}
        optionFilterProp="label"
        onChange={(next) =>
          onChange(
            input === "number"
              ? next.map(Number).filter((n) => Number.isFinite(n))
              : next.map(String).filter((s) => s.trim() !== ""),
          )
        }
        style={{ minWidth: 220 }}
      />
    );
  }
  return (
    <ScalarInput
      field={field}
      label={t("value")}
      status={status}
      value={typeof value === "object" ? undefined : value}
      onChange={onChange}
    />
  );
};
