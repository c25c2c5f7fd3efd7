import type { DocumentEditor } from "../editing/use-document-editor.js";

export interface ValidationRulesEditorProps {
  /** The object being edited: its `validationRules` are changed through `editor.update`. */
  editor: DocumentEditor<"object">;
}

/** PLACEHOLDER until the rules editor lands. */
export const ValidationRulesEditor = (_: ValidationRulesEditorProps) => null;
