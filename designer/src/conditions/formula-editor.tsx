import type { FieldDefinition, JsonValue } from "@tessera/metadata";

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

/** PLACEHOLDER until the formula editor lands. */
export const FormulaEditor = (_: FormulaEditorProps) => null;
