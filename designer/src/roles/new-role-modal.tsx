import type { Role } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Form, Select } from "antd";
import { useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import {
  failureText,
  type NameProblems,
  NewDocumentModal,
  nameProblems,
  refusalAt,
  useNewDocumentName,
  useSaveNewDocument,
} from "../editing/new-document-name.js";
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
  const roles = draft.ofKind("role");
  const taken = new Set(roles.map((r) => r.name));
  const naming = useNewDocumentName("role", taken);
  const { saving, save } = useSaveNewDocument();
  const [reportsTo, setReportsTo] = useState<string>();
  const [problems, setProblems] = useState<NameProblems & { parent?: string }>({});
  const chosenParent = reportsTo ?? parent ?? TOP;

  const close = () => {
    naming.reset();
    setReportsTo(undefined);
    setProblems({});
    onClose();
  };
  const create = async () => {
    const { label, name } = naming;
    const found = nameProblems(label, name, taken, t);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const role: Role = { kind: "role", name, label, ...(chosenParent !== TOP && { parent: chosenParent }) };
    const saved = await save("role", name, role, t("new.created"), (error) =>
      setProblems({
        label: refusalAt(error, "/label"),
        parent: refusalAt(error, "/parent"),
        name: refusalAt(error, "/name") ?? failureText(error),
      }),
    );
    if (!saved) return;
    onCreated(name);
    close();
  };
  return (
    <NewDocumentModal
      open={open}
      buttons={{ title: t("new.title"), ok: t("new.create"), cancel: t("new.cancel") }}
      saving={saving}
      onOk={() => void create()}
      onCancel={close}
      naming={naming}
      problems={problems}
      texts={{ label: t("new.label"), name: t("new.name"), nameHelp: t("new.nameHelp") }}
    >
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
    </NewDocumentModal>
  );
};
