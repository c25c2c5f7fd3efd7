import { CodeOutlined, RedoOutlined, SaveOutlined, UndoOutlined } from "@ant-design/icons";
import type { MetadataKind } from "@tessera/metadata";
import { Alert, App, Button, Space, Tag, Tooltip } from "antd";
import { type ReactNode, useState } from "react";
import { useDesignerText } from "../i18n/designer-texts.js";
import { RawJsonDrawer } from "./raw-json-drawer.js";
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
  const { message } = App.useApp();
  const [jsonOpen, setJsonOpen] = useState(false);
  const save = async () => {
    if (await editor.save()) void message.success(t("editor.saved"));
  };
  return (
    <div className="editor-toolbar">
      <Space wrap>
        {editor.dirty && <Tag color="orange">{t("editor.unsaved")}</Tag>}
        <Tooltip title="Ctrl+Z">
          <Button icon={<UndoOutlined />} disabled={!editor.canUndo} onClick={editor.undo}>
            {t("editor.undo")}
          </Button>
        </Tooltip>
        <Tooltip title="Ctrl+Shift+Z">
          <Button icon={<RedoOutlined />} disabled={!editor.canRedo} onClick={editor.redo}>
            {t("editor.redo")}
          </Button>
        </Tooltip>
        <Button
          icon={<CodeOutlined />}
          onClick={() => setJsonOpen(true)}
          disabled={editor.value === undefined}
        >
          {t("editor.rawJson")}
        </Button>
        {extra}
        {editor.dirty && editor.stored && <Button onClick={editor.revert}>{t("editor.revert")}</Button>}
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={editor.saving}
          disabled={!editor.dirty}
          onClick={() => void save()}
        >
          {t("editor.save")}
        </Button>
      </Space>
      {editor.failure !== undefined && <Alert type="error" showIcon title={editor.failure} />}
      {editor.issues.all.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t("editor.problems")}
          description={
            <ul className="editor-problems">
              {editor.issues.all.map((p) => (
                <li key={`${p.path} ${p.code}`}>
                  <code>{p.path || "/"}</code> {p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
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
