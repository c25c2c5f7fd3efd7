import { type LocalizedText, NAME_REGEX, type SharingRule } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Form, Input, Modal, Radio, Select } from "antd";
import { useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { nameFromLabel, uniqueName } from "../editing/name-from-label.js";
import { useSharingText } from "./sharing-texts.js";

interface Props {
  open: boolean;
  onClose: () => void;
  /** The new rule, not yet in the draft: its editor saves it. */
  onCreate: (rule: SharingRule) => void;
}

/** Starts a sharing rule: its name, object and type; the rest is set in the editor. */
export const NewSharingRuleModal = ({ open, onClose, onCreate }: Props) => {
  const t = useSharingText();
  const draft = useDraft();
  const { label: localized } = useLocale();
  const objects = draft.ofKind("object");
  const roles = draft.ofKind("role");
  const [label, setLabel] = useState<LocalizedText>({ en: "" });
  const [name, setName] = useState("");
  const [nameEdited, setNameEdited] = useState(false);
  const [object, setObject] = useState<string>();
  const [type, setType] = useState<SharingRule["type"]>("criteria");
  const [problems, setProblems] = useState<{ label?: string; name?: string; object?: string }>({});
  const taken = new Set(draft.ofKind("sharingRule").map((r) => r.name));

  const close = () => {
    setLabel({ en: "" });
    setName("");
    setNameEdited(false);
    setObject(undefined);
    setType("criteria");
    setProblems({});
    onClose();
  };
  const create = () => {
    const found: { label?: string; name?: string; object?: string } = {};
    if (label.en.trim() === "") found.label = t("new.labelRequired");
    if (!NAME_REGEX.test(name)) found.name = t("new.nameInvalid");
    else if (taken.has(name)) found.name = t("new.nameTaken");
    if (object === undefined) found.object = t("new.objectRequired");
    setProblems(found);
    if (Object.keys(found).length > 0 || object === undefined) return;
    const audience = { type: "roleAndSubordinates" as const, name: roles[0]?.name ?? "" };
    const common = {
      kind: "sharingRule" as const,
      name,
      label,
      object,
      sharedWith: audience,
      access: "read" as const,
    };
    onCreate(
      type === "criteria"
        ? { ...common, type: "criteria", criteria: null }
        : { ...common, type: "owner", ownedBy: { type: "role", name: roles[0]?.name ?? "" } },
    );
    close();
  };
  const error = (message: string | undefined) =>
    message === undefined ? {} : { validateStatus: "error" as const, help: message };
  return (
    <Modal
      open={open}
      title={t("new.title")}
      okText={t("new.create")}
      cancelText={t("new.cancel")}
      onOk={create}
      onCancel={close}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t("field.label")} required {...error(problems.label)}>
          <LocalizedTextInput
            label={t("field.label")}
            value={label}
            onChange={(next) => {
              setLabel(next);
              if (!nameEdited) setName(uniqueName(nameFromLabel(next.en, "sharingRule"), taken));
            }}
          />
        </Form.Item>
        <Form.Item
          label={t("field.name")}
          required
          {...error(problems.name)}
          {...(problems.name === undefined && { help: t("field.nameHelp") })}
        >
          <Input
            aria-label={t("field.name")}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setNameEdited(true);
            }}
          />
        </Form.Item>
        <Form.Item label={t("field.object")} required {...error(problems.object)}>
          <Select
            aria-label={t("field.object")}
            value={object}
            showSearch={{ optionFilterProp: "label" }}
            onChange={setObject}
            options={objects.map((o) => ({ value: o.name, label: localized(o.label, o.name) }))}
          />
        </Form.Item>
        <Form.Item label={t("field.type")}>
          <Radio.Group
            aria-label={t("field.type")}
            value={type}
            onChange={(e) => setType(e.target.value)}
            options={[
              { value: "criteria", label: t("type.criteria") },
              { value: "owner", label: t("type.owner") },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
