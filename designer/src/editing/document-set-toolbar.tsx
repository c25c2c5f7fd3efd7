import { RedoOutlined, SaveOutlined, UndoOutlined } from "@ant-design/icons";
import type { MetadataKind } from "@tessera/metadata";
import { Alert, App, Button, Space, Tag, Tooltip } from "antd";
import type { ReactNode } from "react";
import { useDesignerText } from "../i18n/designer-texts.js";
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
  const { message } = App.useApp();
  const save = async () => {
    if (await editor.save()) void message.success(t("editor.saved"));
  };
  const refused = Object.entries(editor.problems);
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
        {extra}
        {editor.dirty && <Button onClick={editor.revert}>{t("editor.revert")}</Button>}
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
      {refused.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t("editor.problems")}
          description={
            <ul className="editor-problems">
              {refused.flatMap(([key, problems]) =>
                problems.map((p) => (
                  <li key={`${key} ${p.path} ${p.code}`}>
                    <strong>{describe(key)}</strong> <code>{p.path || "/"}</code> {p.message}
                  </li>
                )),
              )}
            </ul>
          }
        />
      )}
    </div>
  );
};
