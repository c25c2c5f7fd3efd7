import type { SharingRule } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Form, Radio, Select } from "antd";
import { useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import {
  type NameProblems,
  NewDocumentModal,
  nameProblems,
  useNewDocumentName,
} from "../editing/new-document-name.js";
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
  const taken = new Set(draft.ofKind("sharingRule").map((r) => r.name));
  const naming = useNewDocumentName("sharingRule", taken);
  const [object, setObject] = useState<string>();
  const [type, setType] = useState<SharingRule["type"]>("criteria");
  const [problems, setProblems] = useState<NameProblems & { object?: string }>({});

  const close = () => {
    naming.reset();
    setObject(undefined);
    setType("criteria");
    setProblems({});
    onClose();
  };
  const create = () => {
    const { label, name } = naming;
    const found: NameProblems & { object?: string } = nameProblems(label, name, taken, t);
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
    <NewDocumentModal
      open={open}
      buttons={{ title: t("new.title"), ok: t("new.create"), cancel: t("new.cancel") }}
      onOk={create}
      onCancel={close}
      naming={naming}
      problems={problems}
      texts={{ label: t("field.label"), name: t("field.name"), nameHelp: t("field.nameHelp") }}
    >
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
    </NewDocumentModal>
  );
};
