import { generateForm } from "@rjsf/antd";
import type { ErrorSchema, RJSFSchema, UiSchema } from "@rjsf/utils";
import type { FieldDefinition } from "@tessera/metadata";
import { isPlainObject } from "@tessera/metadata";
import { createFormValidator, type DescribeProblem, type ProblemDetail, useLocale } from "@tessera/runtime";
import { memo, useMemo } from "react";
import { type FieldsText, type FieldsTextKey, useFieldsText } from "./fields-texts.js";
import {
  applyOptionsForm,
  type OptionsContext,
  optionsFormData,
  optionsFormSchema,
} from "./options-schema.js";

type Values = Record<string, unknown>;
const Form = generateForm<Values, RJSFSchema>();

/**
 * The form shows the field as it is and fills nothing in: a select's first choice or an empty list
 * would otherwise become a `default` or an `accept` the admin never chose.
 */
const NO_DEFAULTS = {
  constAsDefaults: "never",
  emptyObjectFields: "skipDefaults",
  arrayMinItems: { populate: "never" },
} as const;

const TITLE_KEYS: Readonly<Record<string, FieldsTextKey>> = {
  default: "key.default",
  maxLength: "key.maxLength",
  min: "key.min",
  max: "key.max",
  scale: "key.scale",
  currencyCode: "key.currencyCode",
  startAt: "key.startAt",
  format: "key.format",
  accept: "key.accept",
  maxSizeBytes: "key.maxSizeBytes",
  multiple: "key.multiple",
  maxSelections: "key.maxSelections",
  relationshipName: "key.relationshipName",
  onDelete: "key.onDelete",
  childObject: "key.childObject",
  relationshipField: "key.relationshipField",
  operation: "key.operation",
  summaryField: "key.summaryField",
};

const CHOICE_KEYS: Readonly<Record<string, FieldsTextKey>> = {
  "onDelete.setNull": "onDelete.setNull",
  "onDelete.restrict": "onDelete.restrict",
  "operation.count": "operation.count",
  "operation.sum": "operation.sum",
  "operation.min": "operation.min",
  "operation.max": "operation.max",
  "operation.avg": "operation.avg",
};

const PROBLEM_KEYS: Readonly<Record<string, FieldsTextKey>> = {
  required: "problem.required",
  minimum: "problem.minimum",
  maximum: "problem.maximum",
  minLength: "problem.minLength",
  maxLength: "problem.maxLength",
  minItems: "problem.minItems",
  maxItems: "problem.maxItems",
  pattern: "problem.pattern",
};

const describeWith =
  (t: FieldsText): DescribeProblem =>
  ({ keyword, params }) =>
    t(PROBLEM_KEYS[keyword] ?? "problem.other", { limit: String(params.limit ?? "") });

/** The engine's problems under `/fields/<index>/<key>...`, as rjsf's error tree of the options form. */
export const optionsErrors = (
  problems: readonly ProblemDetail[],
  index: number,
  keys: ReadonlySet<string>,
): ErrorSchema => {
  const prefix = `/fields/${index}/`;
  const tree: Record<string, unknown> = {};
  for (const problem of problems) {
    if (!problem.path.startsWith(prefix)) continue;
    const tokens = problem.path.slice(prefix.length).split("/");
    if (!keys.has(tokens[0] ?? "")) continue;
    let node = tree;
    for (const token of tokens) {
      const child = node[token];
      node[token] = typeof child === "object" && child !== null ? child : {};
      node = node[token] as Record<string, unknown>;
    }
    node.__errors = [...((node.__errors as string[] | undefined) ?? []), problem.message];
  }
  return tree as ErrorSchema;
};

interface Props {
  field: FieldDefinition;
  index: number;
  context: Omit<OptionsContext, "choiceTitle">;
  /** The engine's problems with the whole document (`issues.all`: the same array until a save). */
  problems: readonly ProblemDetail[];
  onChange: (index: number, change: (field: FieldDefinition) => FieldDefinition) => void;
}

/** What the form shows: the type-specific keys, without the label and names typed elsewhere. */
const optionsKey = (field: FieldDefinition): string => {
  const { name: _n, label: _l, helpText: _h, description: _d, ...options } = field;
  return JSON.stringify(options);
};

/**
 * The type's own settings (maximum length, decimals, format, ...) rendered by rjsf from the field
 * type's options schema, checked live by the runtime's eval-free validator (the CSP forbids ajv's
 * compiled validators) and showing the engine's problems on their controls. Typing a label does
 * not re-render it: it changes only when the type's settings or the engine's problems do.
 */
export const FieldOptionsForm = memo(
  ({ field, index, context, problems, onChange }: Props) => {
    const t = useFieldsText();
    const { locale } = useLocale();
    // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the locale only
    const optionsContext = useMemo<OptionsContext>(
      () => ({
        ...context,
        choiceTitle: (key, value) => {
          const textKey = CHOICE_KEYS[`${key}.${value}`];
          return textKey === undefined ? value : t(textKey);
        },
      }),
      [context, locale],
    );
    const schema = useMemo(() => optionsFormSchema(field, optionsContext), [field, optionsContext]);
    const keys = useMemo(
      () => new Set(Object.keys(isPlainObject(schema.properties) ? schema.properties : {})),
      [schema],
    );
    // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the locale only
    const uiSchema = useMemo<UiSchema>(() => {
      const ui: UiSchema = { "ui:submitButtonOptions": { norender: true } };
      for (const key of keys) {
        const titleKey = TITLE_KEYS[key];
        ui[key] = {
          ...(titleKey === undefined ? {} : { "ui:title": t(titleKey) }),
          // A description, not `ui:help`: the antd theme shows help in place of the errors.
          ...(key === "format" ? { "ui:description": t("key.formatHelp") } : {}),
        };
      }
      return ui;
    }, [keys, locale]);
    // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the locale only
    const validator = useMemo(() => createFormValidator<Values>(describeWith(t)), [locale]);
    const extraErrors = useMemo(() => optionsErrors(problems, index, keys), [problems, index, keys]);
    if (keys.size === 0) return null;
    return (
      <div className="field-options-form">
        <Form
          schema={schema as RJSFSchema}
          uiSchema={uiSchema}
          formData={optionsFormData(field, schema)}
          validator={validator}
          extraErrors={extraErrors}
          showErrorList={false}
          noHtml5Validate
          liveValidate="onChange"
          experimental_defaultFormStateBehavior={NO_DEFAULTS}
          onChange={(event) => {
            const data = event.formData ?? {};
            onChange(index, (current) => {
              const next = applyOptionsForm(current, schema, data);
              return JSON.stringify(next) === JSON.stringify(current) ? current : next;
            });
          }}
        />
      </div>
    );
  },
  (before, after) =>
    before.index === after.index &&
    before.problems === after.problems &&
    before.context === after.context &&
    before.onChange === after.onChange &&
    optionsKey(before.field) === optionsKey(after.field),
);
