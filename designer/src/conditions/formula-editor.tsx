import { checkRule, type FieldDefinition, fieldsRead, type JsonValue } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Input, Select, Tag, Typography } from "antd";
import type { TextAreaRef } from "antd/es/input/TextArea.js";
import { useEffect, useId, useRef, useState } from "react";
import { useConditionText } from "./conditions-texts.js";
import { FORMULA_SNIPPETS, fieldSnippet, insertSnippet, sampleFields } from "./formula-sample.js";
import { FormulaTestPanel } from "./formula-test-panel.js";
import { jsonTextOf, parseJsonText } from "./json-text.js";
import "./conditions.css";

export interface FormulaEditorProps {
  /** The formula's JsonLogic expression. */
  value: JsonValue | undefined;
  onChange: (next: JsonValue | undefined) => void;
  /** The object's fields the formula may read (the formula field itself excluded). */
  fields: readonly FieldDefinition[];
  /** What the formula returns (`returnType` of the field), for the test result's formatting. */
  returnType?: string;
  error?: string;
  label: string;
}

/** Variables a rule may read besides the record's fields (engine/src/records/rule-data.ts). */
const CONTEXT_ROOTS = new Set(["$user", "$previous"]);

/**
 * A formula's JsonLogic as JSON text, with buttons inserting field references and common
 * operations at the caret, the fields it reads, and a test against sample values.
 */
export const FormulaEditor = ({ value, onChange, fields, returnType, error, label }: FormulaEditorProps) => {
  const t = useConditionText();
  const { label: localize } = useLocale();
  const errorId = useId();
  const box = useRef<TextAreaRef>(null);
  const [text, setText] = useState(() => jsonTextOf(value));
  // Follow outside changes (undo), not the formula being typed.
  useEffect(() => {
    setText((current) => {
      const parsed = parseJsonText(current);
      return parsed.ok && JSON.stringify(parsed.value) === JSON.stringify(value)
        ? current
        : jsonTextOf(value);
    });
  }, [value]);

  const parsed = parseJsonText(text);
  const expression = parsed.ok ? parsed.value : undefined;
  const problems = expression === undefined ? [] : checkRule(expression).map((p) => p.message);
  const reads = expression === undefined ? [] : fieldsRead(expression);
  const known = new Set(fields.map((f) => f.name));
  const unknown = reads.filter((path) => {
    const root = path.split(".")[0] ?? path;
    return !known.has(root) && !CONTEXT_ROOTS.has(root);
  });

  const edit = (next: string) => {
    setText(next);
    const result = parseJsonText(next);
    if (result.ok) onChange(result.value);
  };
  const insert = (snippet: string) => {
    const area = box.current?.resizableTextArea?.textArea;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    const next = insertSnippet(text, start, end, snippet);
    edit(next.text);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.caret, next.caret);
    });
  };

  const messages = [
    ...(parsed.ok ? [] : [t("json.invalid", { reason: parsed.reason })]),
    ...problems.map((reason) => t("formula.problem", { reason })),
    ...(error === undefined ? [] : [error]),
  ];
  return (
    <div className="formula-editor">
      <div className="formula-insert">
        <Select<string>
          aria-label={t("formula.insertField")}
          placeholder={t("formula.insertField")}
          showSearch={{ optionFilterProp: "label" }}
          value={null}
          options={fields.map((f) => ({ value: f.name, label: localize(f.label, f.name) }))}
          onChange={(name) => insert(fieldSnippet(name))}
          style={{ minWidth: 200 }}
        />
        <fieldset aria-label={t("formula.operators")} className="formula-snippets">
          {FORMULA_SNIPPETS.map((snippet) => (
            <Button
              key={snippet.name}
              size="small"
              aria-label={t("formula.insertOperator", { operator: snippet.name })}
              onClick={() => insert(snippet.text)}
            >
              {snippet.name}
            </Button>
          ))}
        </fieldset>
      </div>
      <Input.TextArea
        ref={box}
        aria-label={label}
        aria-describedby={messages.length > 0 ? errorId : undefined}
        className="condition-json"
        autoSize={{ minRows: 3, maxRows: 16 }}
        status={messages.length > 0 ? "error" : undefined}
        value={text}
        onChange={(e) => edit(e.target.value)}
      />
      {messages.length > 0 && (
        <div id={errorId} className="condition-problems">
          {messages.map((m) => (
            <Typography.Text key={m} type="danger">
              {m}
            </Typography.Text>
          ))}
        </div>
      )}
      <section aria-label={t("formula.reads")}>
        <Typography.Text type="secondary">{t("formula.reads")}: </Typography.Text>
        {reads.length === 0 ? (
          <Typography.Text type="secondary">{t("formula.readsNone")}</Typography.Text>
        ) : (
          reads.map((path) => {
            const field = fields.find((f) => f.name === path);
            return unknown.includes(path) ? (
              <Tag key={path} color="red">
                {t("formula.unknownField", { name: path })}
              </Tag>
            ) : (
              <Tag key={path}>{field === undefined ? path : localize(field.label, field.name)}</Tag>
            );
          })
        )}
      </section>
      <FormulaTestPanel
        expression={parsed.ok && problems.length === 0 ? expression : undefined}
        fields={sampleFields(fields, reads)}
        returnType={returnType}
      />
    </div>
  );
};
