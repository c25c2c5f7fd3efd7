import type { FieldDefinition, JsonValue } from "@tessera/metadata";
import { Segmented, Typography } from "antd";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { ConditionGroupEditor } from "./condition-group-editor.js";
import { ConditionJsonView } from "./condition-json-view.js";
import { type ConditionRoot, emitCondition, rootOf } from "./condition-tree.js";
import { useConditionText } from "./conditions-texts.js";
import { conditionFields } from "./operators-by-type.js";
import { storableFilterProblem } from "./storable-filter.js";
import "./conditions.css";

export interface ConditionEditorProps {
  /** The JsonLogic condition; undefined when there is none. */
  value: JsonValue | undefined;
  onChange: (next: JsonValue | undefined) => void;
  /** The fields the condition may test (the object's). */
  fields: readonly FieldDefinition[];
  /** Only the storable filter subset (list views, sharing-rule criteria). */
  filterOnly?: boolean;
  /** The engine's problem with this condition, shown on the control. */
  error?: string;
  /** Accessible name of the editor ("Visible when"). */
  label: string;
}

type Mode = "visual" | "json";

const keyOf = (value: JsonValue | undefined): string => (value === undefined ? "" : JSON.stringify(value));

/**
 * A JsonLogic condition, built visually (groups of "field operator value" rows) or typed as JSON;
 * both views edit the same value. JsonLogic the rows cannot show stays in the tree as JSON, exactly
 * as written, so loading a condition and saving it back never changes it.
 */
export const ConditionEditor = ({
  value,
  onChange,
  fields,
  filterOnly,
  error,
  label,
}: ConditionEditorProps) => {
  const t = useConditionText();
  const errorId = useId();
  const [mode, setMode] = useState<Mode>("visual");
  const usable = useMemo(() => conditionFields(fields), [fields]);
  const fieldsKey = usable.map((f) => `${f.name}:${f.type}`).join(",");
  const [root, setRoot] = useState<ConditionRoot>(() => rootOf(value, usable));
  const [refusal, setRefusal] = useState<string>();
  // The value this editor last emitted (or loaded): a different one came from outside (undo).
  const known = useRef(keyOf(value));
  const knownFields = useRef(fieldsKey);

  useEffect(() => {
    if (keyOf(value) === known.current && fieldsKey === knownFields.current) return;
    known.current = keyOf(value);
    knownFields.current = fieldsKey;
    setRoot(rootOf(value, usable));
    setRefusal(undefined);
  }, [value, usable, fieldsKey]);

  /** Emits `next` unless it is outside the filter subset when only filters are allowed. */
  const emit = (next: JsonValue | undefined): boolean => {
    const problem =
      filterOnly === true && next !== undefined ? storableFilterProblem(next, fields) : undefined;
    setRefusal(problem);
    if (problem !== undefined) return false;
    if (keyOf(next) !== known.current) {
      known.current = keyOf(next);
      onChange(next);
    }
    return true;
  };

  const changeTree = (next: ConditionRoot) => {
    const emitted = emitCondition(next, usable);
    setRoot(emitted === undefined ? { ...next, implicit: true } : next);
    emit(emitted);
  };

  const loaded =
    filterOnly === true && value !== undefined ? storableFilterProblem(value, fields) : undefined;
  const filterProblem = refusal ?? loaded;
  const problems = [
    filterProblem === undefined ? undefined : t("filter.refused", { reason: filterProblem }),
    error,
  ].filter((p): p is string => p !== undefined);
  return (
    <fieldset
      aria-label={label}
      aria-describedby={problems.length > 0 ? errorId : undefined}
      className={problems.length > 0 ? "condition-editor condition-editor-error" : "condition-editor"}
    >
      <Segmented<Mode>
        size="small"
        aria-label={t("mode.label")}
        value={mode}
        onChange={setMode}
        options={[
          { value: "visual", label: t("mode.visual") },
          { value: "json", label: t("mode.json") },
        ]}
      />
      {mode === "visual" ? (
        <ConditionGroupEditor
          group={root.group}
          fields={usable}
          onChange={(group) => changeTree({ group, implicit: root.implicit })}
        />
      ) : (
        <ConditionJsonView
          value={value}
          fields={usable}
          onApply={(next) => {
            if (emit(next)) setRoot(rootOf(next, usable));
          }}
        />
      )}
      {problems.length > 0 && (
        <div id={errorId} className="condition-problems">
          {problems.map((p) => (
            <Typography.Text key={p} type="danger">
              {p}
            </Typography.Text>
          ))}
        </div>
      )}
    </fieldset>
  );
};
