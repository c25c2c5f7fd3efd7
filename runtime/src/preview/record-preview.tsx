import type { UiSchema } from "@rjsf/utils";
import {
  type CompiledForm,
  compileLayoutForm,
  descriptorOf,
  type FormMode,
  type Layout,
  type ObjectDefinition,
} from "@tessera/metadata";
import { Alert, Typography } from "antd";
import { type MouseEvent, useCallback, useMemo, useState } from "react";
import { formLayout } from "../form/default-layout.js";
import { useFormText } from "../form/form-texts.js";
import { RecordForm } from "../form/record-form.js";
import {
  defaultValuesOf,
  type FormValues,
  formFields,
  formValuesOf,
  referenceNamesOf,
  ruleValuesOf,
} from "../form/record-values.js";
import { useLocale } from "../i18n/locale-context.js";
import { pageLayout, readSections } from "../record/read-sections.js";
import { recordActions } from "../record/record-actions.js";
import { RecordButtons } from "../record/record-buttons.js";
import { RecordSections } from "../record/record-sections.js";
import { ruleData } from "../record/rule-data.js";
import { PreviewLookupWidget } from "./preview-lookup-widget.js";
import { PreviewRelatedLists } from "./preview-related-lists.js";
import { usePreviewText } from "./preview-texts.js";
import { SAMPLE_USER_ID } from "./sample-record.js";
import "./preview.css";

export interface RecordPreviewProps {
  object: ObjectDefinition;
  /** The object's layouts (the runtime picks the default, else the first), or the one to preview. */
  layouts: Layout | readonly Layout[];
  mode: FormMode;
  /** The record for edit and read, as the record API answers it (lookups as `{id, name}`). */
  values?: Record<string, unknown>;
  /** Objects whose lookups may point here: the read mode's related lists. */
  relatedObjects?: readonly ObjectDefinition[];
  /** The name shown for the sample owner, creator and last editor. */
  userName?: string;
}

/** Lookups show their value's name and search nothing: the previewed metadata is not published. */
const withPreviewLookups = (compiled: CompiledForm): CompiledForm => {
  const uiSchema: UiSchema = { ...(compiled.uiSchema as UiSchema) };
  for (const [name, ui] of Object.entries(uiSchema)) {
    if (typeof ui === "object" && ui !== null && (ui as UiSchema)["ui:widget"] === "lookup") {
      uiSchema[name] = { ...(ui as UiSchema), "ui:widget": PreviewLookupWidget };
    }
  }
  return { ...compiled, uiSchema: uiSchema as CompiledForm["uiSchema"] };
};

// Links (lookups, e-mail) would leave the designer: the preview shows them without following them.
const stayOnPage = (event: MouseEvent) => {
  if (event.target instanceof Element && event.target.closest("a") !== null) event.preventDefault();
};

const NO_SUBMIT = () => {};

const PreviewForm = ({
  object,
  layouts,
  mode,
  values,
}: Required<Pick<RecordPreviewProps, "object" | "mode">> & {
  layouts: readonly Layout[];
  values: Record<string, unknown> | undefined;
}) => {
  const { locale } = useLocale();
  const t = useFormText();
  const p = usePreviewText();
  const formMode = mode === "create" ? "create" : "edit";
  const sectionTitle = t("form.details");
  const compiled = useMemo(
    () =>
      withPreviewLookups(
        compileLayoutForm(formLayout(layouts, object, sectionTitle), object, { locale, mode: formMode }),
      ),
    [layouts, object, locale, formMode, sectionTitle],
  );
  const editable = useMemo(
    () => new Set(object.fields.filter((f) => descriptorOf(f).source === "input").map((f) => f.name)),
    [object],
  );
  const fields = formFields(compiled.schema);
  const [formValues, setFormValues] = useState<FormValues>(() =>
    formMode === "create" || values === undefined
      ? defaultValuesOf(object, [...editable])
      : formValuesOf(
          values,
          object.fields.map((f) => f.name),
        ),
  );
  const [valid, setValid] = useState(false);
  const referenceNames = useMemo(() => (values === undefined ? {} : referenceNamesOf(values)), [values]);
  const ruleContext = useMemo<FormValues>(
    () => ({
      ...(formMode === "edit" && values !== undefined ? ruleValuesOf(values) : {}),
      $user: { id: SAMPLE_USER_ID, username: "preview" },
      ...(formMode === "edit" && values !== undefined ? { $previous: ruleValuesOf(values) } : {}),
    }),
    [formMode, values],
  );
  const recordNameOf = useCallback(() => "name", []);
  return (
    <RecordForm
      compiled={compiled}
      editable={editable}
      values={formValues}
      onChange={(next) => {
        setValid(false);
        setFormValues(next);
      }}
      ruleContext={ruleContext}
      referenceNames={referenceNames}
      recordNameOf={recordNameOf}
      saving={false}
      onSubmit={() => setValid(true)}
      onCancel={() => {
        setValid(false);
        setFormValues(
          formMode === "create" || values === undefined
            ? defaultValuesOf(object, [...editable])
            : formValuesOf(values, fields),
        );
      }}
      notice={
        <Alert
          type={valid ? "success" : "info"}
          showIcon
          title={p(valid ? "preview.valid" : "preview.notice")}
        />
      }
    />
  );
};

const PreviewRead = ({
  object,
  layouts,
  values,
  relatedObjects,
  userName,
}: {
  object: ObjectDefinition;
  layouts: readonly Layout[];
  values: Record<string, unknown>;
  relatedObjects: readonly ObjectDefinition[];
  userName: string;
}) => {
  const layout = pageLayout(layouts);
  const sections = useMemo(() => readSections(layout, object), [layout, object]);
  const userNames = useMemo(() => new Map([[SAMPLE_USER_ID, userName]]), [userName]);
  const actions = recordActions(layout, {
    permissions: { create: true, edit: true, delete: true },
    lockedForUser: false,
    canSubmit: true,
    data: ruleData(values),
  });
  const name = values[object.recordName];
  return (
    <div className="record-preview-read">
      <div className="record-preview-heading">
        <Typography.Title level={3}>{typeof name === "string" ? name : ""}</Typography.Title>
        <RecordButtons actions={actions} running={undefined} onRun={NO_SUBMIT} />
      </div>
      <RecordSections sections={sections} record={values} userNames={userNames} />
      <PreviewRelatedLists layout={layout} parent={object.name} objects={relatedObjects} />
    </div>
  );
};

/**
 * What the runtime renders for a record of `object` with these layouts, drawn by the runtime's
 * own components and rules, with nothing fetched: the create or edit form (rules live, saving
 * replaced by a check that the form is valid) or the read-only record page.
 */
export const RecordPreview = ({
  object,
  layouts,
  mode,
  values,
  relatedObjects = [],
  userName,
}: RecordPreviewProps) => {
  const p = usePreviewText();
  const list = useMemo(
    () => (Array.isArray(layouts) ? (layouts as readonly Layout[]) : [layouts as Layout]),
    [layouts],
  );
  return (
    <div className="record-preview" onClickCapture={stayOnPage}>
      {mode === "read" ? (
        <PreviewRead
          object={object}
          layouts={list}
          values={values ?? {}}
          relatedObjects={relatedObjects}
          userName={userName ?? p("preview.sampleUser")}
        />
      ) : (
        <PreviewForm object={object} layouts={list} mode={mode} values={values} />
      )}
    </div>
  );
};
