import { type LocalizedText, NAME_REGEX, type Role } from "@tessera/metadata";
import { ApiError, useLocale } from "@tessera/runtime";
import { App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { nameFromLabel, uniqueName } from "../editing/name-from-label.js";
import { useRolesText } from "./roles-texts.js";

interface Props {
  open: boolean;
  /** The role the new one reports to at first (the selected one). */
  parent: string | undefined;
  onClose: () => void;
  onCreated: (name: string) => void;
}

const TOP = "";

/** Adds a role to the draft, under the selected role by default. */
export const NewRoleModal = ({ open, parent, onClose, onCreated }: Props) => {
  const t = useRolesText();
  const draft = useDraft();
  const { label: localized } = useLocale();
  const { message } = App.useApp();
  const roles = draft.ofKind("role");
  const [label, setLabel] = useState<LocalizedText>({ en: "" });
  const [name, setName] = useState("");
  const [nameEdited, setNameEdited] = useState(false);
  const [reportsTo, setReportsTo] = useState<string>();
  const [problems, setProblems] = useState<{ label?: string; name?: string; parent?: string }>({});
  const [saving, setSaving] = useState(false);
  const taken = new Set(roles.map((r) => r.name));
  const chosenParent = reportsTo ?? parent ?? TOP;

  const close = () => {
    setLabel({ en: "" });
    setName("");
    setNameEdited(false);
    setReportsTo(undefined);
    setProblems({});
    onClose();
  };
  const changeLabel = (next: LocalizedText) => {
    setLabel(next);
    if (!nameEdited) setName(uniqueName(nameFromLabel(next.en, "role"), taken));
  };
  const create = async () => {
    const found: { label?: string; name?: string } = {};
    if (label.en.trim() === "") found.label = t("new.labelRequired");
    if (!NAME_REGEX.test(name)) found.name = t("new.nameInvalid");
    else if (taken.has(name)) found.name = t("new.nameTaken");
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const role: Role = { kind: "role", name, label, ...(chosenParent !== TOP && { parent: chosenParent }) };
    setSaving(true);
    try {
      await draft.save("role", name, role);
      void message.success(t("new.created"));
      onCreated(name);
      close();
    } catch (error) {
      const at = (prefix: string) =>
        error instanceof ApiError
          ? error.errors
              .filter((p) => p.path.startsWith(prefix))
              .map((p) => p.message)
              .join(" ")
          : "";
      const next: { label?: string; name?: string; parent?: string } = {};
      if (at("/label") !== "") next.label = at("/label");
      if (at("/parent") !== "") next.parent = at("/parent");
      next.name = at("/name") || (error instanceof ApiError ? error.title : String(error));
      setProblems(next);
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
          <LocalizedTextInput label={t("new.label")} value={label} onChange={changeLabel} />
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
        <Form.Item
          label={t("new.parent")}
          validateStatus={problems.parent === undefined ? undefined : "error"}
          help={problems.parent}
        >
          <Select
            aria-label={t("new.parent")}
            value={chosenParent}
            onChange={setReportsTo}
            showSearch={{ optionFilterProp: "label" }}
            options={[
              { value: TOP, label: t("panel.noParent") },
              ...roles.map((r) => ({ value: r.name, label: localized(r.label, r.name) })),
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
