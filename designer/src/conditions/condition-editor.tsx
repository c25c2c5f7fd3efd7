import type { FieldDefinition, JsonValue } from "@tessera/metadata";
import { Input } from "antd";

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

/** PLACEHOLDER until the visual builder lands: the condition as JSON text. */
export const ConditionEditor = ({ value, onChange, label, error }: ConditionEditorProps) => (
  <Input.TextArea
    aria-label={label}
    status={error === undefined ? "" : "error"}
    defaultValue={value === undefined ? "" : JSON.stringify(value)}
    onBlur={(e) => {
      const text = e.target.value.trim();
      if (text === "") onChange(undefined);
      else {
        try {
          onChange(JSON.parse(text) as JsonValue);
        } catch {
          // left as typed until it parses
        }
      }
    }}
  />
);
