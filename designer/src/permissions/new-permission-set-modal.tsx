import { type LocalizedText, NAME_REGEX, type PermissionSet } from "@tessera/metadata";
import { ApiError } from "@tessera/runtime";
import { App, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { nameFromLabel, uniqueName } from "../editing/name-from-label.js";
import { usePermissionsText } from "./permissions-texts.js";

interface Props {
  open: boolean;
  onClose: () => void;
  /** Called with the name of the set written to the draft. */
  onCreated: (name: string) => void;
}

/** Creates an empty permission set in the draft (it grants nothing until boxes are ticked). */
export const NewPermissionSetModal = ({ open, onClose, onCreated }: Props) => {
  const t = usePermissionsText();
  const draft = useDraft();
  const { message } = App.useApp();
  const [label, setLabel] = useState<LocalizedText>({ en: "" });
  const [name, setName] = useState("");
  const [nameEdited, setNameEdited] = useState(false);
  const [problems, setProblems] = useState<{ label?: string; name?: string }>({});
  const [saving, setSaving] = useState(false);
  const taken = new Set(draft.ofKind("permissionSet").map((s) => s.name));

  const close = () => {
    setLabel({ en: "" });
    setName("");
    setNameEdited(false);
    setProblems({});
    onClose();
  };
  const changeLabel = (next: LocalizedText) => {
    setLabel(next);
    if (!nameEdited) setName(uniqueName(nameFromLabel(next.en, "permissionSet"), taken));
  };
  const create = async () => {
    const found = {
      ...(label.en.trim() === "" && { label: t("new.labelRequired") }),
      ...(!NAME_REGEX.test(name)
        ? { name: t("new.nameInvalid") }
        : taken.has(name) && { name: t("new.nameTaken") }),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const document: PermissionSet = { kind: "permissionSet", name, label };
    setSaving(true);
    try {
      await draft.save("permissionSet", name, document);
      void message.success(t("new.created"));
      onCreated(name);
      close();
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        const at = (prefix: string) =>
          error.errors
            .filter((p) => p.path.startsWith(prefix))
            .map((p) => p.message)
            .join(" ") || undefined;
        setProblems({ label: at("/label"), name: at("/name") ?? error.title });
      } else setProblems({ name: error instanceof ApiError ? error.title : String(error) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t("new.title")}
      okText={t("new.create")}
      cancelText={t("new.cancel")}
      confirmLoading={saving}
      onOk={() => void create()}
      onCancel={close}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t("new.label")}
          required
          validateStatus={problems.label === undefined ? undefined : "error"}
          help={problems.label}
        >
          <LocalizedTextInput
            label={t("new.label")}
            value={label}
            onChange={changeLabel}
            status={problems.label === undefined ? undefined : "error"}
          />
        </Form.Item>
        <Form.Item
          label={t("new.name")}
          required
          validateStatus={problems.name === undefined ? undefined : "error"}
          help={problems.name ?? t("new.nameHelp")}
        >
          <Input
            aria-label={t("new.name")}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setNameEdited(true);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
