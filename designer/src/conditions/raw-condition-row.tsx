import { DeleteOutlined } from "@ant-design/icons";
import type { JsonValue } from "@tessera/metadata";
import { Button, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import type { RawCondition } from "./condition-tree.js";
import { useConditionText } from "./conditions-texts.js";
import { parseJsonText } from "./json-text.js";

interface Props {
  node: RawCondition;
  label: string;
  onChange: (next: RawCondition) => void;
  onRemove: () => void;
}

/** A condition the builder cannot show as a row: its JsonLogic, editable as JSON and kept exactly. */
export const RawConditionRow = ({ node, label, onChange, onRemove }: Props) => {
  const t = useConditionText();
  const shown = JSON.stringify(node.logic);
  const [text, setText] = useState(shown);
  // Follow the node when it changes from elsewhere (undo, the JSON view), not while it is typed.
  useEffect(() => {
    setText((current) => {
      const parsed = parseJsonText(current);
      return parsed.ok && JSON.stringify(parsed.value) === shown ? current : shown;
    });
  }, [shown]);
  const parsed = parseJsonText(text);
  return (
    <fieldset aria-label={label} className="condition-row condition-raw">
      <div className="condition-raw-body">
        <Input.TextArea
          aria-label={t("raw.label")}
          className="condition-json"
          autoSize={{ minRows: 1, maxRows: 8 }}
          status={parsed.ok ? undefined : "error"}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const next = parseJsonText(e.target.value);
            if (next.ok && next.value !== undefined)
              onChange({ kind: "raw", logic: next.value as JsonValue });
          }}
        />
        <Typography.Text type={parsed.ok ? "secondary" : "danger"} className="condition-hint">
          {parsed.ok ? t("raw.hint") : t("json.invalid", { reason: parsed.reason })}
        </Typography.Text>
      </div>
      <Button
        aria-label={t("remove.condition")}
        title={t("remove.condition")}
        type="text"
        icon={<DeleteOutlined />}
        onClick={onRemove}
      />
    </fieldset>
  );
};
