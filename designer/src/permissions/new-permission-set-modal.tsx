import type { PermissionSet } from "@tessera/metadata";
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
  const taken = new Set(draft.ofKind("permissionSet").map((s) => s.name));
  const naming = useNewDocumentName("permissionSet", taken);
  const { saving, save } = useSaveNewDocument();
  const [problems, setProblems] = useState<NameProblems>({});

  const close = () => {
    naming.reset();
    setProblems({});
    onClose();
  };
  const create = async () => {
    const { label, name } = naming;
    const found = nameProblems(label, name, taken, t);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const document: PermissionSet = { kind: "permissionSet", name, label };
    const saved = await save("permissionSet", name, document, t("new.created"), (error) =>
      setProblems({
        label: refusalAt(error, "/label"),
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
    />
  );
};
