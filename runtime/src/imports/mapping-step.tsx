import type { FieldDefinition } from "@tessera/metadata";
import { Alert, Button, Flex, Radio, Select, Switch, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { ApiError, type ProblemDetail } from "../api/http.js";
import type { ObjectUi } from "../api/types.js";
import { useLocale } from "../i18n/locale-context.js";
import { ColumnOptions } from "./column-options.js";
import { type ImportMode, type ImportView, saveImportSettings } from "./import-api.js";
import { type ImportText, useImportText } from "./import-texts.js";
import { useExternalIds } from "./lookup-keys.js";
import {
  allowedModes,
  applySavedMapping,
  changeMode,
  columnValues,
  DATE_FORMATS,
  ID_FIELD,
  type MappingDraft,
  type MappingProblem,
  type MappingRow,
  mapColumn,
  mappableFields,
  mappingProblems,
  matchableFields,
  settingsOf,
  unmappedRequired,
} from "./mapping-draft.js";
import { ProblemAlert } from "./problem-alert.js";
import { SavedMappings } from "./saved-mappings.js";

/** Not a field name (those are camelCase), so "do not import" cannot collide with a field. */
const SKIP = "*skip";
/** Not a date format: the server recognises the format itself. */
const AUTOMATIC = "*auto";
const SAMPLES_SHOWN = 3;

export interface MappingStepProps {
  ui: ObjectUi;
  view: ImportView;
  draft: MappingDraft;
  onDraft: (draft: MappingDraft) => void;
  /** The server took the settings (status "mapped"). */
  onSaved: (view: ImportView) => void;
  onStartOver: () => void;
}

const problemText = (
  problem: MappingProblem,
  t: ImportText,
  fieldLabel: (name: string) => string,
): string => {
  switch (problem.code) {
    case "nothingMapped":
      return t("map.nothingMapped");
    case "mappedTwice":
      return t("map.mappedTwice", { field: fieldLabel(problem.field), columns: problem.columns.join(", ") });
    case "noMatchField":
      return t("map.noMatchField");
    case "matchFieldNotMapped":
      return t("map.matchFieldNotMapped", { field: fieldLabel(problem.field) });
  }
};

/** The column a server problem's pointer (`/mapping/3/field`) is about, by its index. */
const mappingIndexOf = (problem: ProblemDetail): number | undefined => {
  const match = /^\/mapping\/(\d+)(?:\/|$)/.exec(problem.path);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

/**
 * Step 2: which field each column fills and how its values are read (trimmed, picklist values
 * mapped to options, lookups found by name, id or external id), the mode, and whether automation
 * runs. Starts from the server's suggestion; can be saved for reuse, or loaded from a saved one.
 */
export const MappingStep = ({ ui, view, draft, onDraft, onSaved, onStartOver }: MappingStepProps) => {
  const t = useImportText();
  const { label } = useLocale();
  const object = ui.object;
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();
  const fields = useMemo(() => mappableFields(object, ui.editableFields), [object, ui.editableFields]);
  const matchable = useMemo(() => matchableFields(object, ui.editableFields), [object, ui.editableFields]);
  const externalIds = useExternalIds(object, draft);
  const fieldOf = (name: string | null): FieldDefinition | undefined =>
    name === null ? undefined : fields.find((f) => f.name === name);
  const fieldLabel = (name: string) =>
    name === ID_FIELD
      ? t("map.recordId")
      : label(fieldOf(name)?.label ?? object.fields.find((f) => f.name === name)?.label, name);
  const problems = mappingProblems(draft);
  const missing = draft.mode === "update" ? [] : unmappedRequired(draft, fields);
  const serverProblems = refusal instanceof ApiError ? refusal.errors : [];
  const rowsInError = new Set(serverProblems.map(mappingIndexOf).filter((i) => i !== undefined));
  const twice = new Set(problems.flatMap((p) => (p.code === "mappedTwice" ? p.columns : [])));

  const next = async () => {
    setSaving(true);
    setRefusal(undefined);
    try {
      onSaved(await saveImportSettings(view.id, settingsOf(draft)));
    } catch (failure) {
      setRefusal(failure);
    } finally {
      setSaving(false);
    }
  };

  const describeServerProblem = (problem: ProblemDetail) => {
    const index = mappingIndexOf(problem);
    const column = index === undefined ? undefined : draft.rows[index]?.column;
    return column === undefined
      ? problem.message
      : t("map.columnProblem", { column, message: problem.message });
  };

  const fieldOptions = [
    { value: SKIP, label: t("map.skip") },
    ...(draft.mode === "insert" ? [] : [{ value: ID_FIELD, label: t("map.recordId") }]),
    ...fields.map((f) => ({ value: f.name, label: label(f.label, f.name) })),
  ];

  const modes = allowedModes(ui.permissions);
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>
        {t("map.summary", { file: view.fileName, rows: view.totalRows, columns: view.headers.length })}
      </Typography.Paragraph>
      <Flex gap={24} wrap align="flex-end">
        <Flex vertical gap={4}>
          <Typography.Text id="import-mode">{t("map.mode")}</Typography.Text>
          <Radio.Group
            aria-labelledby="import-mode"
            value={draft.mode}
            optionType="button"
            onChange={(event) => onDraft(changeMode(draft, event.target.value as ImportMode))}
            options={modes.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))}
          />
        </Flex>
        {draft.mode !== "insert" && (
          <Flex vertical gap={4}>
            <Typography.Text>{t("map.matchField")}</Typography.Text>
            <Select<string>
              aria-label={t("map.matchField")}
              placeholder={t("map.chooseMatchField")}
              value={draft.matchField}
              style={{ minWidth: 200 }}
              onChange={(matchField) => onDraft({ ...draft, matchField })}
              options={[
                { value: ID_FIELD, label: t("map.recordId") },
                ...matchable.map((f) => ({ value: f.name, label: label(f.label, f.name) })),
              ]}
            />
          </Flex>
        )}
        <Flex vertical gap={4}>
          <Typography.Text>{t("map.dateFormat")}</Typography.Text>
          <Select<string>
            aria-label={t("map.dateFormat")}
            value={draft.dateFormat ?? AUTOMATIC}
            style={{ minWidth: 200 }}
            onChange={(format) => {
              const { dateFormat: _old, ...rest } = draft;
              onDraft(format === AUTOMATIC ? rest : { ...rest, dateFormat: format });
            }}
            options={[
              { value: AUTOMATIC, label: t("map.dateAutomatic") },
              ...DATE_FORMATS.map((format) => ({ value: format, label: format })),
            ]}
          />
        </Flex>
        <Flex align="center" gap={8}>
          <Switch
            checked={draft.automation}
            aria-label={t("map.automation")}
            onChange={(automation) => onDraft({ ...draft, automation })}
          />
          <Typography.Text>{t("map.automation")}</Typography.Text>
        </Flex>
      </Flex>
      <SavedMappings
        object={object.name}
        draft={draft}
        onApply={(saved) => onDraft(applySavedMapping(draft, saved))}
      />
      <Table<MappingRow>
        rowKey="column"
        size="small"
        dataSource={draft.rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        columns={[
          {
            key: "column",
            title: t("map.column"),
            render: (_, row) => <Typography.Text strong>{row.column}</Typography.Text>,
          },
          {
            key: "samples",
            title: t("map.samples"),
            render: (_, row) => (
              <Typography.Text type="secondary">
                {columnValues(view, row.column).slice(0, SAMPLES_SHOWN).join(" · ")}
              </Typography.Text>
            ),
          },
          {
            key: "field",
            title: t("map.field"),
            render: (_, row) => (
              <Select<string>
                showSearch={{ optionFilterProp: "label" }}
                aria-label={t("map.fieldFor", { column: row.column })}
                value={row.field ?? SKIP}
                style={{ minWidth: 220 }}
                status={
                  twice.has(row.column) || rowsInError.has(draft.rows.indexOf(row)) ? "error" : undefined
                }
                onChange={(name) =>
                  onDraft(mapColumn(draft, object, row.column, name === SKIP ? null : name))
                }
                options={fieldOptions}
              />
            ),
          },
          {
            key: "options",
            title: t("map.options"),
            render: (_, row) =>
              row.field === null ? null : (
                <ColumnOptions
                  view={view}
                  draft={draft}
                  row={row}
                  field={fieldOf(row.field)}
                  externalIds={externalIds}
                  onDraft={onDraft}
                />
              ),
          },
        ]}
      />
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t("map.problems")}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((problem) => (
                <li key={JSON.stringify(problem)}>{problemText(problem, t, fieldLabel)}</li>
              ))}
            </ul>
          }
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t("map.requiredMissing", { fields: missing.map((f) => label(f.label, f.name)).join(", ") })}
        />
      )}
      {refusal !== undefined && (
        <ProblemAlert title={t("map.refused")} error={refusal} describe={describeServerProblem} />
      )}
      <Flex gap={8} justify="space-between">
        <Button onClick={onStartOver}>{t("wizard.startOver")}</Button>
        <Button type="primary" loading={saving} disabled={problems.length > 0} onClick={() => void next()}>
          {t("wizard.next")}
        </Button>
      </Flex>
    </Flex>
  );
};
