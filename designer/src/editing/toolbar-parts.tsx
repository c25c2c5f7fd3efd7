import { RedoOutlined, SaveOutlined, UndoOutlined } from "@ant-design/icons";
import { Alert, App, Button, Tooltip } from "antd";
import type { ReactNode } from "react";
import { useDesignerText } from "../i18n/designer-texts.js";

/** What the toolbar buttons need of an editor, one document or a set of them. */
interface History {
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
}

interface Saving {
  dirty: boolean;
  saving: boolean;
  save(): Promise<boolean>;
}

/** Undo and redo, with their keyboard shortcuts as tooltips. */
export const UndoRedoButtons = ({ editor }: { editor: History }) => {
  const t = useDesignerText();
  return (
    <>
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
    </>
  );
};

/** Save, enabled while there are unsaved changes; says so when the draft took them. */
export const SaveButton = ({ editor }: { editor: Saving }) => {
  const t = useDesignerText();
  const { message } = App.useApp();
  const save = async () => {
    if (await editor.save()) void message.success(t("editor.saved"));
  };
  return (
    <Button
      type="primary"
      icon={<SaveOutlined />}
      loading={editor.saving}
      disabled={!editor.dirty}
      onClick={() => void save()}
    >
      {t("editor.save")}
    </Button>
  );
};

/** Under the buttons: a failure that is not about the content, then the engine's problems (`items`, one `<li>` each). */
export const EditorProblems = ({ failure, items }: { failure: string | undefined; items: ReactNode[] }) => {
  const t = useDesignerText();
  return (
    <>
      {failure !== undefined && <Alert type="error" showIcon title={failure} />}
      {items.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t("editor.problems")}
          description={<ul className="editor-problems">{items}</ul>}
        />
      )}
    </>
  );
};
