import type { LocalizedText } from "@tessera/metadata";
import { ApiError, type ProblemDetail } from "@tessera/runtime";
import { Form, Input, Modal } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useDraft } from "../draft/draft-context.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { useAppText } from "./app-texts.js";
import { appNameProblem, newApp, suggestedAppName } from "./new-app.js";

interface Props {
  open: boolean;
  onClose: () => void;
}

/**
 * Creates an app from a label and an API name (suggested from the label until the admin edits it),
 * saves it to the draft at once and opens it in the app editor.
 */
export const NewAppDialog = ({ open, onClose }: Props) => {
  const t = useAppText();
  const draft = useDraft();
  const navigate = useNavigate();
  const taken = new Set(draft.ofKind("app").map((a) => a.name));
  const [label, setLabel] = useState<LocalizedText>({ en: "" });
  const [name, setName] = useState("");
  const [nameEdited, setNameEdited] = useState(false);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<readonly ProblemDetail[]>([]);
  const [failure, setFailure] = useState<string>();

  const reset = () => {
    setLabel({ en: "" });
    setName("");
    setNameEdited(false);
    setTried(false);
    setProblems([]);
    setFailure(undefined);
  };
  const close = () => {
    reset();
    onClose();
  };
  const changeLabel = (next: LocalizedText) => {
    setLabel(next);
    if (!nameEdited) setName(next.en.trim() === "" ? "" : suggestedAppName(next.en, taken));
  };
  const labelMissing = label.en.trim() === "";
  const nameProblem = appNameProblem(name, taken);
  const engineProblem = (pointer: string) =>
    problems
      .filter((p) => p.path === pointer || p.path.startsWith(`${pointer}/`))
      .map((p) => p.message)
      .join(" ") || undefined;
  const labelError = tried && labelMissing ? t("apps.labelRequired") : engineProblem("/label");
  const nameError =
    tried && nameProblem !== undefined
      ? nameProblem === "taken"
        ? t("apps.nameTaken", { name })
        : t("apps.nameInvalid")
      : engineProblem("/name");

  const create = async () => {
    setTried(true);
    if (labelMissing || nameProblem !== undefined) return;
    setSaving(true);
    try {
      await draft.save("app", name, newApp(name, label));
      reset();
      onClose();
      navigate(`/apps/${encodeURIComponent(name)}`);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) setProblems(error.errors);
      else setFailure(error instanceof ApiError ? error.title : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("apps.new")}
      okText={t("apps.create")}
      cancelText={t("apps.cancel")}
      confirmLoading={saving}
      onOk={() => void create()}
      onCancel={close}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={t("apps.label")}
          required
          validateStatus={labelError === undefined ? undefined : "error"}
          help={labelError}
        >
          <LocalizedTextInput label={t("apps.label")} value={label} onChange={changeLabel} />
        </Form.Item>
        <Form.Item
          label={t("apps.name")}
          required
          extra={t("apps.nameHelp")}
          validateStatus={nameError === undefined ? undefined : "error"}
          help={nameError ?? failure}
        >
          <Input
            aria-label={t("apps.name")}
            value={name}
            onChange={(e) => {
              setName(e.target.value.trim());
              setNameEdited(true);
            }}
            onPressEnter={() => void create()}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
