import { type LocalizedText, NAME_REGEX, type ObjectDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { nameFromLabel, uniqueName } from "../editing/name-from-label.js";
import { useActionText } from "./action-texts.js";

/** What the admin chose for a new approval process or automation. */
export interface NewProcess {
  name: string;
  label: LocalizedText;
  object: string;
}

interface Props {
  open: boolean;
  /** What is created, in the sentence "New {what}" ("approval process"). */
  what: string;
  /** Names already taken by documents of the same kind. */
  taken: ReadonlySet<string>;
  objects: readonly ObjectDefinition[];
  /** Preselected object. */
  object?: string;
  fallbackName: string;
  onCreate: (created: NewProcess) => void;
  onCancel: () => void;
}

/** Starts a new approval process or automation: its label, API name (from the label) and object. */
export const NewProcessModal = (props: Props) => {
  const { open, what, taken, objects, fallbackName, onCreate, onCancel } = props;
  const t = useActionText();
  const { label: localize } = useLocale();
  const [label, setLabel] = useState<LocalizedText>({ en: "" });
  const [name, setName] = useState("");
  const [nameEdited, setNameEdited] = useState(false);
  const [object, setObject] = useState<string | undefined>(props.object);
  const [tried, setTried] = useState(false);

  const derived = uniqueName(nameFromLabel(label.en, fallbackName), taken);
  const shownName = nameEdited ? name : label.en.trim() === "" ? "" : derived;
  const nameProblem =
    shownName === ""
      ? t("new.required")
      : !NAME_REGEX.test(shownName)
        ? t("new.nameInvalid")
        : taken.has(shownName)
          ? t("new.nameTaken")
          : undefined;
  const labelProblem = label.en.trim() === "" ? t("new.required") : undefined;
  const objectProblem = object === undefined ? t("new.required") : undefined;

  const create = () => {
    setTried(true);
    if (nameProblem !== undefined || labelProblem !== undefined || object === undefined) return;
    onCreate({ name: shownName, label, object });
  };

  return (
    <Modal
      open={open}
      title={t("new.title", { what })}
      okText={t("new.create")}
      cancelText={t("new.cancel")}
      onOk={create}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={t("new.label")}
          required
          validateStatus={tried && labelProblem !== undefined ? "error" : undefined}
          help={tried ? labelProblem : undefined}
        >
          <LocalizedTextInput value={label} onChange={setLabel} label={t("new.label")} />
        </Form.Item>
        <Form.Item
          label={t("new.name")}
          required
          validateStatus={(tried || nameEdited) && nameProblem !== undefined ? "error" : undefined}
          help={(tried || nameEdited) && nameProblem !== undefined ? nameProblem : t("new.nameHelp")}
        >
          <Input
            aria-label={t("new.name")}
            value={shownName}
            onChange={(e) => {
              setNameEdited(true);
              setName(e.target.value.trim());
            }}
          />
        </Form.Item>
        <Form.Item
          label={t("new.object")}
          required
          validateStatus={tried && objectProblem !== undefined ? "error" : undefined}
          help={tried ? objectProblem : undefined}
        >
          <Select
            aria-label={t("new.object")}
            showSearch={{ optionFilterProp: "label" }}
            value={object}
            onChange={(next: string) => setObject(next)}
            options={objects.map((o) => ({ value: o.name, label: localize(o.label, o.name) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
