import { CodeOutlined } from "@ant-design/icons";
import type { MetadataKind } from "@tessera/metadata";
import { Button, Space, Tag } from "antd";
import { type ReactNode, useState } from "react";
import { useDesignerText } from "../i18n/designer-texts.js";
import { RawJsonDrawer } from "./raw-json-drawer.js";
import { EditorProblems, SaveButton, UndoRedoButtons } from "./toolbar-parts.js";
import type { DocumentEditor } from "./use-document-editor.js";

interface Props<K extends MetadataKind> {
  editor: DocumentEditor<K>;
  /** Extra buttons, left of Save. */
  extra?: ReactNode;
}

/**
 * Undo, redo, the raw JSON, save; under it the engine's problems with this document (each is
 * also shown on its own control where the editor has one).
 */
export const EditorToolbar = <K extends MetadataKind>({ editor, extra }: Props<K>) => {
  const t = useDesignerText();
  const [jsonOpen, setJsonOpen] = useState(false);
  return (
    <div className="editor-toolbar">
      <Space wrap>
        {editor.dirty && <Tag color="orange">{t("editor.unsaved")}</Tag>}
        <UndoRedoButtons editor={editor} />
        <Button
          icon={<CodeOutlined />}
          onClick={() => setJsonOpen(true)}
          disabled={editor.value === undefined}
        >
          {t("editor.rawJson")}
        </Button>
        {extra}
        {editor.dirty && editor.stored && <Button onClick={editor.revert}>{t("editor.revert")}</Button>}
        <SaveButton editor={editor} />
      </Space>
      <EditorProblems
        failure={editor.failure}
        items={editor.issues.all.map((p) => (
          <li key={`${p.path} ${p.code}`}>
            <code>{p.path || "/"}</code> {p.message}
          </li>
        ))}
      />
      <RawJsonDrawer
        open={jsonOpen}
        title={`${editor.kind} ${editor.name}`}
        value={editor.value}
        onApply={(document) => editor.update(document as never)}
        onClose={() => setJsonOpen(false)}
      />
    </div>
  );
};
