import { evaluateRule, type FieldDefinition, type JsonValue } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Alert, Button, Form, Select, Typography } from "antd";
import { useState } from "react";
import { ScalarInput } from "./condition-value-input.js";
import { useConditionText } from "./conditions-texts.js";
import { resultKindOf, sampleRecord, storedResult } from "./formula-sample.js";

interface Props {
  /** The formula as it parses now; undefined while there is none. */
  expression: JsonValue | undefined;
  /** The fields the formula reads, each given a sample value. */
  fields: readonly FieldDefinition[];
  returnType?: string;
}

type Outcome = { ok: true; value: JsonValue } | { ok: false; reason: string };

/** A sample value for one field: a multi-select picklist takes several options, others one value. */
const SampleInput = ({
  field,
  value,
  onChange,
}: {
  field: FieldDefinition;
  value: JsonValue | undefined;
  onChange: (next: JsonValue | undefined) => void;
}) => {
  const { label } = useLocale();
  const name = label(field.label, field.name);
  if (field.type === "multiPicklist") {
    return (
      <Select<string[]>
        aria-label={name}
        mode="multiple"
        value={Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []}
        options={field.options.map((o) => ({ value: o.value, label: label(o.label, o.value) }))}
        onChange={(next) => onChange(next)}
        style={{ minWidth: 220 }}
      />
    );
  }
  return (
    <ScalarInput
      field={field}
      label={name}
      value={typeof value === "object" || value === null ? undefined : value}
      onChange={onChange}
    />
  );
};

/** Runs the formula with the metadata's evaluator against sample values typed by the admin. */
export const FormulaTestPanel = ({ expression, fields, returnType }: Props) => {
  const t = useConditionText();
  const { label } = useLocale();
  const [values, setValues] = useState<Record<string, JsonValue | undefined>>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const run = () => {
    if (expression === undefined) return;
    try {
      const record = sampleRecord(
        fields.map((f) => f.name),
        values,
      );
      setOutcome({ ok: true, value: evaluateRule(expression, record) });
    } catch (error) {
      setOutcome({ ok: false, reason: error instanceof Error ? error.message : String(error) });
    }
  };
  const stored = outcome?.ok === true ? storedResult(outcome.value, returnType) : undefined;
  return (
    <section aria-label={t("formula.testTitle")} className="formula-test">
      <Typography.Text strong>{t("formula.testTitle")}</Typography.Text>
      <Typography.Paragraph type="secondary">{t("formula.testHint")}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        {fields.map((field) => (
          <Form.Item key={field.name} label={label(field.label, field.name)}>
            <SampleInput
              field={field}
              value={values[field.name]}
              onChange={(next) => setValues((current) => ({ ...current, [field.name]: next }))}
            />
          </Form.Item>
        ))}
      </Form>
      <Button onClick={run} disabled={expression === undefined}>
        {t("formula.test")}
      </Button>
      {expression === undefined && (
        <Typography.Paragraph type="secondary">{t("formula.noFormula")}</Typography.Paragraph>
      )}
      {outcome?.ok === true && (
        <div role="status" aria-label={t("formula.result")} className="formula-result">
          <Typography.Text>
            {t("formula.resultType", { type: t(`type.${resultKindOf(outcome.value)}`) })}:{" "}
            <Typography.Text code>{JSON.stringify(outcome.value)}</Typography.Text>
          </Typography.Text>
          {stored?.ok === true && JSON.stringify(stored.value) !== JSON.stringify(outcome.value) && (
            <Typography.Paragraph type="secondary">
              {t("formula.stored", { value: JSON.stringify(stored.value) })}
            </Typography.Paragraph>
          )}
          {stored !== undefined && !stored.ok && (
            <Alert
              type="warning"
              showIcon
              title={t("formula.notStored", { type: returnType ?? "", reason: stored.message })}
            />
          )}
        </div>
      )}
      {outcome?.ok === false && (
        <Alert type="error" showIcon role="alert" title={t("formula.failed", { reason: outcome.reason })} />
      )}
    </section>
  );
};
