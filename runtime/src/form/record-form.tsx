import { generateForm, Widgets } from "@rjsf/antd";
import type {
  ErrorSchema,
  RegistryFieldsType,
  RegistryWidgetsType,
  RJSFSchema,
  TemplatesType,
} from "@rjsf/utils";
import type { CompiledForm } from "@tessera/metadata";
import { Button, Space } from "antd";
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useLocale } from "../i18n/locale-context.js";
import { pluginFieldWidgets } from "../plugins/plugin-field-widget.js";
import { FieldTemplate } from "./field-template.js";
import { FileSummaryField } from "./file-summary-field.js";
import { compileConditions, type FieldStates, sameFieldStates } from "./form-conditions.js";
import type { RecordFormContext } from "./form-context.js";
import { useFormText } from "./form-texts.js";
import { createFormValidator } from "./form-validator.js";
import { formView } from "./form-view.js";
import { LookupWidget } from "./lookup-widget.js";
import { CurrencyWidget, NumberWidget, PercentWidget } from "./number-widgets.js";
import { describeProblemWith } from "./problem-message.js";
import type { FormValues } from "./record-values.js";
import { translateRjsfString } from "./rjsf-strings.js";
import { SectionTemplate } from "./section-template.js";
import "./form.css";

type Schema = RJSFSchema;

const Form = generateForm<FormValues, Schema, RecordFormContext>();

const WIDGETS: RegistryWidgetsType<FormValues, Schema, RecordFormContext> = {
  lookup: LookupWidget,
  currency: CurrencyWidget,
  percent: PercentWidget,
  updown: NumberWidget,
  ...(Widgets.TextareaWidget === undefined ? {} : { richText: Widgets.TextareaWidget }),
};

const FIELDS: RegistryFieldsType<FormValues, Schema, RecordFormContext> = { fileSummary: FileSummaryField };

const TEMPLATES: Partial<TemplatesType<FormValues, Schema, RecordFormContext>> = {
  ObjectFieldTemplate: SectionTemplate,
  FieldTemplate,
};

export interface RecordFormProps {
  compiled: CompiledForm;
  /** Fields the user may change; the others are shown read-only. */
  editable: ReadonlySet<string>;
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** What rules read besides the form's values: the record's other fields, `$user`, `$previous`. */
  ruleContext: FormValues;
  referenceNames: Record<string, string>;
  recordNameOf: (object: string) => string;
  /** Errors the server found, on their fields. */
  serverErrors?: ErrorSchema;
  saving: boolean;
  /** Called with valid values and the fields a rule hides (whose values are not to be saved). */
  onSubmit: (values: FormValues, hidden: readonly string[]) => void;
  onCancel: () => void;
  /** Shown above the fields (a save's problems). */
  notice?: ReactNode;
}

/** Keeps the same object while the rule results do not change, so rjsf is not handed a new schema. */
const useFieldStates = (compiled: CompiledForm, data: FormValues): FieldStates => {
  const evaluate = useMemo(() => compileConditions(compiled.conditions), [compiled]);
  const previous = useRef<FieldStates | undefined>(undefined);
  const next = evaluate(data);
  if (previous.current === undefined || !sameFieldStates(previous.current, next)) previous.current = next;
  return previous.current;
};

/** Measures the first render of the form (for the performance report) and marks it ready. */
const useFirstRenderTiming = () => {
  const started = useRef(performance.now());
  const wrapper = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = wrapper.current;
    if (element === null || element.dataset.formRenderMs !== undefined) return;
    element.dataset.formRenderMs = (performance.now() - started.current).toFixed(1);
  }, []);
  useEffect(() => {
    wrapper.current?.setAttribute("data-form-ready", "true");
  }, []);
  return wrapper;
};

/**
 * A record's create or edit form, generated from the compiled layout: rjsf with the antd theme,
 * the layout's sections and columns, lookups searched over the API, and the layout's rules
 * (visible / required / read-only) re-evaluated on every change.
 */
export const RecordForm = (props: RecordFormProps) => {
  const { compiled, editable, values, onChange, ruleContext, serverErrors, saving } = props;
  const { locale } = useLocale();
  const t = useFormText();
  const [attempted, setAttempted] = useState(false);
  const states = useFieldStates(compiled, { ...ruleContext, ...values });
  const view = useMemo(() => formView(compiled, editable, states), [compiled, editable, states]);
  // Package widgets are registered under the names the uiSchema gives them (`<package>.<widget>`).
  const widgets = useMemo(() => ({ ...WIDGETS, ...pluginFieldWidgets(compiled.uiSchema) }), [compiled]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the locale only
  const validator = useMemo(
    () => createFormValidator<FormValues, RecordFormContext>(describeProblemWith(t)),
    [locale],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the locale only
  const translateString = useMemo(() => translateRjsfString(t), [locale]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the locale only
  const formContext = useMemo<RecordFormContext>(
    () => ({
      sections: compiled.sections,
      referenceNames: props.referenceNames,
      recordNameOf: props.recordNameOf,
      t,
      labelAlign: "left",
      rowGutter: 24,
    }),
    [compiled, props.referenceNames, props.recordNameOf, locale],
  );
  const wrapper = useFirstRenderTiming();
  return (
    <div ref={wrapper} className="record-form">
      {props.notice}
      <Form
        schema={view.schema}
        uiSchema={view.uiSchema}
        formData={values}
        formContext={formContext}
        validator={validator}
        widgets={widgets}
        fields={FIELDS}
        templates={TEMPLATES}
        translateString={translateString}
        showErrorList={false}
        noHtml5Validate
        focusOnFirstError
        // Errors are checked live once a save was tried, so each one goes as soon as it is fixed.
        liveValidate={attempted ? "onChange" : false}
        {...(serverErrors === undefined ? {} : { extraErrors: serverErrors })}
        onChange={(event) => onChange(event.formData ?? {})}
        onError={() => setAttempted(true)}
        onSubmit={(event) => {
          setAttempted(true);
          props.onSubmit(event.formData ?? {}, states.hidden);
        }}
      >
        <Space className="form-actions">
          <Button type="primary" htmlType="submit" loading={saving}>
            {t("form.save")}
          </Button>
          <Button onClick={props.onCancel} disabled={saving}>
            {t("form.cancel")}
          </Button>
        </Space>
      </Form>
    </div>
  );
};
