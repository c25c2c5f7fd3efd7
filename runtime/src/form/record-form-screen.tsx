import type { ErrorSchema } from "@rjsf/utils";
import { compileLayoutForm, type FormMode } from "@tessera/metadata";
import { App, Result, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import type { ObjectUi, RecordData } from "../api/types.js";
import { useDuplicateNotice } from "../duplicates/duplicate-notice.js";
import { useLocale } from "../i18n/locale-context.js";
import { useBootstrap } from "../session/session-context.js";
import { formLayout } from "./default-layout.js";
import { FormNotice, LockNotice } from "./form-notice.js";
import { useFormText } from "./form-texts.js";
import { RecordForm } from "./record-form.js";
import {
  changedValues,
  defaultValuesOf,
  type FormValues,
  formFields,
  formValuesOf,
  givenValues,
  referenceNamesOf,
  ruleValuesOf,
  valuesFromQuery,
} from "./record-values.js";
import { loadRecord } from "./save-record.js";
import { useLeaveGuard } from "./use-leave-guard.js";
import { useRecordSave } from "./use-record-save.js";

export interface RecordFormScreenProps {
  mode: Exclude<FormMode, "read">;
  ui: ObjectUi;
  /** The record being edited, as read when the page opened. */
  record?: RecordData;
  /** A pending approval locks the record. */
  locked?: boolean;
}

/** Server errors of the fields whose value the user changed since are gone: they no longer apply. */
const withoutChanged = (errors: ErrorSchema | undefined, before: FormValues, after: FormValues) => {
  if (errors === undefined) return undefined;
  const kept = Object.entries(errors).filter(
    ([field]) => JSON.stringify(before[field]) === JSON.stringify(after[field]),
  );
  return kept.length === Object.keys(errors).length ? errors : (Object.fromEntries(kept) as ErrorSchema);
};

/** The create or edit screen of one record: heading, problems of the last save, the generated form. */
export const RecordFormScreen = ({ mode, ui, record, locked = false }: RecordFormScreenProps) => {
  const { locale, label } = useLocale();
  const t = useFormText();
  const bootstrap = useBootstrap();
  const navigate = useNavigate();
  const location = useLocation();
  const { message, modal } = App.useApp();
  const object = ui.object;
  const sectionTitle = t("form.details");
  const compiled = useMemo(
    () => compileLayoutForm(formLayout(ui.layouts, object, sectionTitle), object, { locale, mode }),
    [ui.layouts, object, locale, mode, sectionTitle],
  );
  const fields = useMemo(() => formFields(compiled.schema), [compiled]);
  const editable = useMemo(() => new Set(ui.editableFields), [ui.editableFields]);
  const writable = useMemo(() => fields.filter((name) => editable.has(name)), [fields, editable]);
  const recordNameOf = useCallback(
    (name: string) => bootstrap.objects.find((o) => o.name === name)?.recordName ?? "name",
    [bootstrap.objects],
  );

  const [current, setCurrent] = useState(record);
  const [baseline, setBaseline] = useState<FormValues>(() =>
    record === undefined
      ? {
          ...defaultValuesOf(object, writable),
          ...valuesFromQuery(new URLSearchParams(location.search), compiled.schema),
        }
      : formValuesOf(record, fields),
  );
  const [values, setValues] = useState<FormValues>(baseline);
  const [referenceNames, setReferenceNames] = useState(() =>
    record === undefined ? {} : referenceNamesOf(record),
  );
  const { saving, problem, setProblem, fieldErrors, setFieldErrors, save } = useRecordSave(t);
  // Issue 9: a save an alert duplicate rule matched names the look-alikes (runtime/src/duplicates/).
  const showPossibleDuplicates = useDuplicateNotice();

  const dirty = Object.keys(changedValues(baseline, values, writable)).length > 0;
  const ruleContext = useMemo<FormValues>(
    () => ({
      ...(current === undefined ? {} : ruleValuesOf(current)),
      $user: { id: bootstrap.user.id, username: bootstrap.user.username },
      ...(current === undefined ? {} : { $previous: ruleValuesOf(current) }),
    }),
    [current, bootstrap.user],
  );
  const recordPath = (id: string) => `/o/${encodeURIComponent(object.name)}/${encodeURIComponent(id)}`;

  const confirmLeave = useCallback(
    (leave: () => void) =>
      void modal.confirm({
        title: t("form.unsavedTitle"),
        content: t("form.unsavedText"),
        okText: t("form.discard"),
        cancelText: t("form.keepEditing"),
        onOk: leave,
      }),
    [modal, t],
  );
  useLeaveGuard(dirty, confirmLeave, navigate);

  const cancel = () => {
    const leave = () => {
      if (location.key !== "default") navigate(-1);
      else navigate(current === undefined ? `/o/${encodeURIComponent(object.name)}` : recordPath(current.id));
    };
    if (dirty) confirmLeave(leave);
    else leave();
  };

  const reload = async () => {
    if (current === undefined) return;
    try {
      const latest = await loadRecord(object.name, current.id);
      const latestValues = formValuesOf(latest, fields);
      setCurrent(latest);
      setBaseline(latestValues);
      setValues(latestValues);
      setReferenceNames(referenceNamesOf(latest));
      setFieldErrors(undefined);
      setProblem({ kind: "reloaded" });
    } catch (error) {
      setProblem({ kind: "failed", detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const submit = async (submitted: FormValues, hidden: readonly string[]) => {
    const shown = fields.filter((name) => !hidden.includes(name));
    const sendable = writable.filter((name) => !hidden.includes(name));
    if (current === undefined) {
      const created = await save(
        { mode: "create", object: object.name, values: givenValues(submitted, sendable) },
        shown,
      );
      if (created === undefined) return;
      setBaseline(submitted);
      message.success(t("form.created", { object: label(object.label, object.name) }));
      showPossibleDuplicates(object.name, created);
      navigate(recordPath(created.id), { replace: true });
      return;
    }
    const changes = changedValues(baseline, submitted, sendable);
    if (Object.keys(changes).length > 0) {
      const saved = await save(
        { mode: "edit", object: object.name, id: current.id, version: current.version, values: changes },
        shown,
      );
      if (saved === undefined) return;
      message.success(t("form.saved"));
      showPossibleDuplicates(object.name, saved);
    }
    setBaseline(submitted);
    navigate(recordPath(current.id), { replace: true });
  };

  if (mode === "create" ? !ui.permissions.create : !ui.permissions.edit) {
    return <Result status="403" title={t(mode === "create" ? "form.mayNotCreate" : "form.mayNotEdit")} />;
  }
  const objectLabel = label(object.label, object.name);
  const recordName = current?.[object.recordName];
  return (
    <div className="record-form-page">
      <Typography.Title level={2}>
        {t(mode === "create" ? "form.newTitle" : "form.editTitle", { object: objectLabel })}
      </Typography.Title>
      {typeof recordName === "string" && (
        <Typography.Paragraph type="secondary">{recordName}</Typography.Paragraph>
      )}
      <RecordForm
        compiled={compiled}
        editable={editable}
        values={values}
        onChange={(next) => {
          setFieldErrors(withoutChanged(fieldErrors, values, next));
          setValues(next);
        }}
        ruleContext={ruleContext}
        referenceNames={referenceNames}
        recordNameOf={recordNameOf}
        {...(fieldErrors === undefined ? {} : { serverErrors: fieldErrors })}
        saving={saving}
        onSubmit={(submitted, hidden) => void submit(submitted, hidden)}
        onCancel={cancel}
        notice={
          <>
            {locked && problem?.kind !== "locked" && <LockNotice t={t} />}
            <FormNotice problem={problem} t={t} onReload={() => void reload()} />
          </>
        }
      />
    </div>
  );
};
