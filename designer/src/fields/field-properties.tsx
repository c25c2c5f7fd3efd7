import { DeleteOutlined } from "@ant-design/icons";
import type { FieldDefinition, FieldType, JsonValue, ObjectDefinition } from "@tessera/metadata";
import { FIELD_TYPES, FORMULA_RETURN_TYPES, fieldTypes } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Checkbox, Form, Input, Select, Switch, Tooltip, Typography } from "antd";
import { memo, useMemo } from "react";
import { ConditionEditor } from "../conditions/condition-editor.js";
import { FormulaEditor } from "../conditions/formula-editor.js";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { fieldNameProblem, followsLabel, relabelField } from "./field-name.js";
import { FieldOptionsForm } from "./field-options-form.js";
import { useFieldsText } from "./fields-texts.js";
import { changeFieldType } from "./new-field.js";
import { hasExpressionDefault } from "./options-schema.js";
import { PicklistOptionsEditor } from "./picklist-options-editor.js";

interface Props {
  object: ObjectDefinition;
  index: number;
  objects: readonly ObjectDefinition[];
  published: ReadonlySet<string>;
  issues: DocumentIssues;
  /** Changes the field at `index` from its latest state (controls may hold an older copy). */
  onChange: (index: number, change: (field: FieldDefinition) => FieldDefinition) => void;
  onDelete: (index: number) => void;
}

/** Expressions are typed `unknown` by the metadata schema but always hold JSON: documents are JSON. */
const asJson = (expression: unknown): JsonValue | undefined => expression as JsonValue | undefined;

const hasOption = (type: FieldType, key: string): boolean =>
  Object.hasOwn(fieldTypes[type].optionsSchema.properties ?? {}, key);

/** Form.Item props showing the engine's problem at `pointer`, or else `fallback` (a live check). */
const problemAt = (issues: DocumentIssues, pointer: string, fallback?: string) => {
  const message = issues.at(pointer) ?? fallback;
  return message === undefined ? {} : { validateStatus: "error" as const, help: message };
};

/**
 * The selected field's properties: label and API name (the name follows the English label while
 * the field is new), help text, description, required and unique where the type has them, the
 * type's own options (rjsf) and the controls rjsf cannot draw well: picklist options, the related
 * object, formulas. Each control shows the engine's problem at its own pointer.
 */
export const FieldProperties = memo(
  ({ object, index, objects, published, issues, onChange, onDelete }: Props) => {
    const t = useFieldsText();
    const { label } = useLocale();
    const field = object.fields[index];
    const at = `/fields/${index}`;
    const otherNames = useMemo(
      () => new Set(object.fields.filter((_, i) => i !== index).map((f) => f.name)),
      [object.fields, index],
    );
    const context = useMemo(() => ({ object: object.name, objects }), [object.name, objects]);
    const optionsContext = useMemo(
      () => ({ ...context, objectTitle: (o: ObjectDefinition) => `${label(o.label, o.name)} (${o.name})` }),
      [context, label],
    );
    if (field === undefined) return null;
    const change = (next: (current: FieldDefinition) => FieldDefinition) => onChange(index, next);
    const set = (key: string, value: unknown) =>
      change((current) => {
        const next: Record<string, unknown> = { ...current };
        if (value === undefined) delete next[key];
        else next[key] = value;
        return next as unknown as FieldDefinition;
      });
    const isPublished = published.has(field.name);
    const follows = followsLabel(field, otherNames, published);
    const nameProblem = fieldNameProblem(field.name, otherNames);
    const otherFields = object.fields.filter((_, i) => i !== index);
    const isRecordName = field.name === object.recordName;

    return (
      <Form layout="vertical" component="div" className="field-properties" aria-label={t("props.title")}>
        <Typography.Title level={5}>{t("props.title")}</Typography.Title>
        <Form.Item label={t("props.type")} htmlFor="field-type" {...problemAt(issues, `${at}/type`)}>
          <Select
            id="field-type"
            aria-label={t("props.type")}
            value={field.type}
            showSearch={{ optionFilterProp: "label" }}
            options={FIELD_TYPES.map((type) => ({ value: type, label: label(fieldTypes[type].label, type) }))}
            onChange={(type: FieldType) => change((current) => changeFieldType(current, type, context))}
          />
        </Form.Item>
        {isPublished && (
          <Typography.Paragraph type="secondary">{t("props.typeChanged")}</Typography.Paragraph>
        )}
        <Form.Item
          label={t("props.label")}
          {...problemAt(issues, `${at}/label`, issues.at(`${at}/label/en`))}
        >
          <LocalizedTextInput
            label={t("props.label")}
            value={field.label}
            onChange={(next) => change((current) => relabelField(current, next, otherNames, published))}
          />
        </Form.Item>
        <Form.Item
          label={t("props.name")}
          htmlFor="field-api-name"
          {...problemAt(
            issues,
            `${at}/name`,
            nameProblem === undefined ? undefined : t(`name.${nameProblem}`, { name: field.name }),
          )}
          extra={isPublished ? t("props.namePublished") : follows ? t("props.nameFollows") : undefined}
        >
          <Input
            id="field-api-name"
            value={field.name}
            onChange={(e) => set("name", e.target.value.trim())}
          />
        </Form.Item>
        <Form.Item label={t("props.helpText")} {...problemAt(issues, `${at}/helpText`)}>
          <LocalizedTextInput
            label={t("props.helpText")}
            value={field.helpText}
            onChange={(next) =>
              set("helpText", next.en === "" && next["zh-CN"] === undefined ? undefined : next)
            }
          />
        </Form.Item>
        <Form.Item
          label={t("props.description")}
          htmlFor="field-description"
          {...problemAt(issues, `${at}/description`)}
        >
          <Input.TextArea
            id="field-description"
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={field.description ?? ""}
            onChange={(e) => set("description", e.target.value === "" ? undefined : e.target.value)}
          />
        </Form.Item>
        {hasOption(field.type, "required") && (
          <Form.Item {...problemAt(issues, `${at}/required`)}>
            <Checkbox
              checked={"required" in field && field.required === true}
              onChange={(e) => set("required", e.target.checked ? true : undefined)}
            >
              {t("props.required")}
            </Checkbox>
          </Form.Item>
        )}
        {hasOption(field.type, "unique") && (
          <Form.Item {...problemAt(issues, `${at}/unique`)}>
            <Checkbox
              checked={"unique" in field && field.unique === true}
              onChange={(e) => set("unique", e.target.checked ? true : undefined)}
            >
              {t("props.unique")}
            </Checkbox>
          </Form.Item>
        )}
        {(field.type === "picklist" || field.type === "multiPicklist") && (
          <PicklistOptionsEditor
            options={field.options}
            pointer={`${at}/options`}
            issues={issues}
            onChange={(options) => set("options", options)}
          />
        )}
        {(field.type === "lookup" || field.type === "masterDetail") && (
          <Form.Item
            label={t("props.reference")}
            htmlFor="field-reference"
            {...problemAt(issues, `${at}/reference`)}
          >
            <Select
              id="field-reference"
              aria-label={t("props.reference")}
              value={field.reference}
              showSearch={{ optionFilterProp: "label" }}
              options={objects.map((o) => ({
                value: o.name,
                label: `${label(o.label, o.name)} (${o.name})`,
              }))}
              onChange={(reference: string) => set("reference", reference)}
            />
          </Form.Item>
        )}
        {field.type === "formula" && (
          <>
            <Form.Item
              label={t("props.returnType")}
              htmlFor="field-return-type"
              {...problemAt(issues, `${at}/returnType`)}
            >
              <Select
                id="field-return-type"
                aria-label={t("props.returnType")}
                value={field.returnType}
                options={FORMULA_RETURN_TYPES.map((type) => ({
                  value: type,
                  label: label(fieldTypes[type].label, type),
                }))}
                onChange={(returnType: (typeof FORMULA_RETURN_TYPES)[number]) =>
                  set("returnType", returnType)
                }
              />
            </Form.Item>
            <Form.Item label={t("props.expression")} {...problemAt(issues, `${at}/expression`)}>
              <FormulaEditor
                label={t("props.expression")}
                value={asJson(field.expression)}
                onChange={(expression) => set("expression", expression ?? "")}
                fields={otherFields}
                returnType={field.returnType}
                {...(issues.at(`${at}/expression`) === undefined
                  ? {}
                  : { error: issues.at(`${at}/expression`) })}
              />
            </Form.Item>
          </>
        )}
        {field.type === "rollupSummary" && (
          <Form.Item label={t("props.filter")} {...problemAt(issues, `${at}/filter`)}>
            <ConditionEditor
              label={t("props.filter")}
              value={asJson(field.filter)}
              onChange={(filter) => set("filter", filter)}
              fields={objects.find((o) => o.name === field.childObject)?.fields ?? []}
              filterOnly
              {...(issues.at(`${at}/filter`) === undefined ? {} : { error: issues.at(`${at}/filter`) })}
            />
          </Form.Item>
        )}
        {hasOption(field.type, "default") && field.type !== "picklist" && field.type !== "multiPicklist" && (
          <Form.Item>
            <Switch
              id="field-default-formula"
              checked={hasExpressionDefault(field)}
              onChange={(on) => set("default", on ? { expression: null } : undefined)}
            />{" "}
            <label htmlFor="field-default-formula">{t("props.defaultFormula")}</label>
          </Form.Item>
        )}
        {hasExpressionDefault(field) && "default" in field && (
          <Form.Item label={t("props.defaultExpression")} {...problemAt(issues, `${at}/default/expression`)}>
            <FormulaEditor
              label={t("props.defaultExpression")}
              value={asJson((field.default as { expression: unknown }).expression)}
              onChange={(expression) => set("default", { expression: expression ?? null })}
              fields={otherFields}
              returnType={field.type}
            />
          </Form.Item>
        )}
        <Typography.Title level={5}>{t("props.more")}</Typography.Title>
        <FieldOptionsForm
          key={`${index}/${field.type}`}
          field={field}
          index={index}
          context={optionsContext}
          problems={issues.all}
          onChange={onChange}
        />
        <Tooltip title={isRecordName ? t("props.recordNameLocked") : undefined}>
          <Button danger icon={<DeleteOutlined />} disabled={isRecordName} onClick={() => onDelete(index)}>
            {t("props.delete")}
          </Button>
        </Tooltip>
      </Form>
    );
  },
);
