import type { FieldDefinition, JsonValue } from "@tessera/metadata";
import { Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { type ConditionNode, parseCondition } from "./condition-tree.js";
import { useConditionText } from "./conditions-texts.js";
import { jsonTextOf, parseJsonText } from "./json-text.js";

interface Props {
  value: JsonValue | undefined;
  fields: readonly FieldDefinition[];
  /** A parsed edit (undefined: the text was cleared). */
  onApply: (next: JsonValue | undefined) => void;
}

const hasRaw = (node: ConditionNode): boolean =>
  node.kind === "raw" || (node.kind === "group" && node.children.some(hasRaw));

/** The condition as JSON text: each edit that parses is applied; the text follows outside changes. */
export const ConditionJsonView = ({ value, fields, onApply }: Props) => {
  const t = useConditionText();
  const [text, setText] = useState(() => jsonTextOf(value));
  useEffect(() => {
    setText((current) => {
      const parsed = parseJsonText(current);
      return parsed.ok && JSON.stringify(parsed.value) === JSON.stringify(value)
        ? current
        : jsonTextOf(value);
    });
  }, [value]);
  const parsed = parseJsonText(text);
  const raw = parsed.ok && parsed.value !== undefined && hasRaw(parseCondition(parsed.value, fields));
  return (
    <div className="condition-json-view">
      <Input.TextArea
        aria-label={t("json.label")}
        className="condition-json"
        autoSize={{ minRows: 3, maxRows: 20 }}
        status={parsed.ok ? undefined : "error"}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const next = parseJsonText(e.target.value);
          if (next.ok) onApply(next.value);
        }}
      />
      {!parsed.ok && (
        <Typography.Text type="danger">{t("json.invalid", { reason: parsed.reason })}</Typography.Text>
      )}
      {raw && <Typography.Text type="secondary">{t("json.notShown")}</Typography.Text>}
    </div>
  );
};
