import type { MetadataKind } from "@tessera/metadata";
import { Button, Space, Tag, Tooltip } from "antd";
import type { ReactNode } from "react";
import { useDesignerText } from "../i18n/designer-texts.js";
import { EditorProblems, SaveButton, UndoRedoButtons } from "./toolbar-parts.js";
import type { DocumentSetEditor } from "./use-document-set-editor.js";

interface Props<K extends MetadataKind> {
  editor: DocumentSetEditor<K>;
  /** The name an admin knows a document by, from its key (`permissionSet/salesRep` -> "Sales rep"). */
  describe: (key: string) => string;
  /** Extra buttons, left of Save. */
  extra?: ReactNode;
}

/**
 * EditorToolbar's counterpart for an editor spanning many documents: undo, redo, discard, save of
 * every changed document, and the engine's problems named by document (each is also shown on the
 * control it points at).
 */
export const DocumentSetToolbar = <K extends MetadataKind>({ editor, describe, extra }: Props<K>) => {
  const t = useDesignerText();
  return (
    <div className="editor-toolbar">
      <Space wrap>
        {editor.dirty && (
          <Tooltip title={editor.dirtyKeys.map(describe).join(", ")}>
            <Tag color="orange">
              {t("editor.unsaved")} ({editor.dirtyKeys.length})
            </Tag>
          </Tooltip>
        )}
        <UndoRedoButtons editor={editor} />
        {extra}
        {editor.dirty && <Button onClick={editor.revert}>{t("editor.revert")}</Button>}
        <SaveButton editor={editor} />
      </Space>
      <EditorProblems
        failure={editor.failure}
        items={Object.entries(editor.problems).flatMap(([key, problems]) =>
          problems.map((p) => (
            <li key={`${key} ${p.path} ${p.code}`}>
              <strong>{describe(key)}</strong> <code>{p.path || "/"}</code> {p.message}
            </li>
          )),
        )}
      />
    </div>
  );
};
