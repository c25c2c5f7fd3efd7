import type { FieldDefinition } from "@tessera/metadata";
import { Checkbox, DatePicker, Input, InputNumber, Select, Space, TimePicker } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { referencedObject } from "../format/field-value.js";
import { useLocale } from "../i18n/locale-context.js";
import type { ConditionScalar, FilterCondition, ValueShape } from "./filter-conditions.js";
import { valueInputOf } from "./filter-fields.js";
import { useListText } from "./list-texts.js";
import { RecordSelect } from "./record-select.js";

type Value = FilterCondition["value"];

interface ScalarInputProps {
  field: FieldDefinition;
  value: ConditionScalar | undefined;
  onChange: (value: ConditionScalar | undefined) => void;
  label: string;
}

const TIME_FORMAT = "HH:mm";

const asDayjs = (value: unknown): Dayjs | null => {
  if (typeof value !== "string") return null;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed : null;
};

/** One value typed as the field's type asks: text, number, date, date and time, time, yes. */
const ScalarInput = ({ field, value, onChange, label }: ScalarInputProps) => {
  const t = useListText();
  const { label: localize } = useLocale();
  switch (valueInputOf(field)) {
    case "number":
      return (
        <InputNumber
          aria-label={label}
          value={typeof value === "number" ? value : null}
          onChange={(next) => onChange(typeof next === "number" ? next : undefined)}
          style={{ width: 160 }}
        />
      );
    case "date":
      return (
        <DatePicker
          aria-label={label}
          value={asDayjs(value)}
          onChange={(next: Dayjs | null) => onChange(next === null ? undefined : next.format("YYYY-MM-DD"))}
        />
      );
    case "datetime":
      return (
        <DatePicker
          aria-label={label}
          showTime={{ format: TIME_FORMAT }}
          value={asDayjs(value)}
          onChange={(next: Dayjs | null) => onChange(next === null ? undefined : next.toDate().toISOString())}
        />
      );
    case "time":
      return (
        <TimePicker
          aria-label={label}
          format={TIME_FORMAT}
          value={typeof value === "string" ? dayjs(value, TIME_FORMAT) : null}
          onChange={(next: Dayjs | null) => onChange(next === null ? undefined : next.format(TIME_FORMAT))}
        />
      );
    case "boolean":
      return (
        <Checkbox checked={value === true} onChange={(e) => onChange(e.target.checked)}>
          {t("filter.yes")}
        </Checkbox>
      );
    case "choice":
      return (
        <Select<string>
          aria-label={label}
          value={typeof value === "string" ? value : undefined}
          onChange={onChange}
          options={choiceOptions(field, localize)}
          style={{ minWidth: 180 }}
        />
      );
    default:
      return (
        <Input
          aria-label={label}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value)}
          style={{ width: 200 }}
        />
      );
  }
};

const choiceOptions = (field: FieldDefinition, localize: ReturnType<typeof useLocale>["label"]) =>
  field.type === "picklist" || field.type === "multiPicklist"
    ? field.options.map((o) => ({ value: o.value, label: localize(o.label, o.value) }))
    : [];

interface FilterValueInputProps {
  field: FieldDefinition;
  shape: ValueShape;
  value: Value;
  onChange: (value: Value) => void;
}

const listOf = (value: Value): Array<string | number> =>
  Array.isArray(value)
    ? value.filter((v): v is string | number => typeof v === "string" || typeof v === "number")
    : [];

const rangeOf = (value: Value): [string | number | undefined, string | number | undefined] =>
  Array.isArray(value) ? [value[0], value[1]] : [undefined, undefined];

const notBoolean = (value: ConditionScalar | undefined): string | number | undefined =>
  typeof value === "boolean" ? undefined : value;

/** The value part of a filter row, shaped by the operator: none, one, a range, or a list. */
export const FilterValueInput = ({ field, shape, value, onChange }: FilterValueInputProps) => {
  const t = useListText();
  const { label: localize } = useLocale();
  if (shape === "none") return null;
  if (shape === "range") {
    const [low, high] = rangeOf(value);
    return (
      <Space.Compact>
        <ScalarInput
          field={field}
          label={t("filter.from")}
          value={low}
          onChange={(next) => onChange([notBoolean(next), high])}
        />
        <ScalarInput
          field={field}
          label={t("filter.to")}
          value={high}
          onChange={(next) => onChange([low, notBoolean(next)])}
        />
      </Space.Compact>
    );
  }
  const input = valueInputOf(field);
  const target = referencedObject(field);
  if (input === "reference" && target !== undefined) {
    return (
      <RecordSelect
        object={target}
        label={t("filter.value")}
        multiple={shape === "list"}
        value={shape === "list" ? listOf(value).map(String) : typeof value === "string" ? [value] : []}
        onChange={(ids) => onChange(shape === "list" ? ids : ids[0])}
      />
    );
  }
  if (shape === "list") {
    const numeric = input === "number";
    return (
      <Select<Array<string | number>>
        aria-label={t("filter.value")}
        mode={input === "choice" ? "multiple" : "tags"}
        value={listOf(value)}
        tokenSeparators={[","]}
        options={choiceOptions(field, localize)}
        onChange={(next) =>
          onChange(numeric ? next.map(Number).filter((n) => Number.isFinite(n)) : next.map(String))
        }
        style={{ minWidth: 220 }}
      />
    );
  }
  return (
    <ScalarInput
      field={field}
      label={t("filter.value")}
      value={typeof value === "object" ? undefined : value}
      onChange={onChange}
    />
  );
};
