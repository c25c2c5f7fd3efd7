import { type DocumentOfKind, type LocalizedText, type MetadataKind, NAME_REGEX } from "@tessera/metadata";
import { ApiError } from "@tessera/runtime";
import { App, Form, Input, Modal } from "antd";
import { type ReactNode, useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import { LocalizedTextInput } from "./localized-text-input.js";
import { nameFromLabel, uniqueName } from "./name-from-label.js";

/** Problems with a new document's label and API name, in the admin's language. */
export interface NameProblems {
  label?: string;
  name?: string;
}

/**
 * The label and API name of a document being created: the name follows the label
 * (`nameFromLabel`, made unique among `taken`) until the admin types a name of their own.
 */
export const useNewDocumentName = (fallback: string, taken: ReadonlySet<string>) => {
  const [label, setLabel] = useState<LocalizedText>({ en: "" });
  const [name, setName] = useState("");
  const [nameEdited, setNameEdited] = useState(false);
  return {
    label,
    name,
    changeLabel: (next: LocalizedText) => {
      setLabel(next);
      if (!nameEdited) setName(uniqueName(nameFromLabel(next.en, fallback), taken));
    },
    changeName: (next: string) => {
      setName(next);
      setNameEdited(true);
    },
    /** Back to empty, for the next document. */
    reset: () => {
      setLabel({ en: "" });
      setName("");
      setNameEdited(false);
    },
  };
};

/** A required label, and a name that fits the metadata's pattern and is not `taken`. */
export const nameProblems = (
  label: LocalizedText,
  name: string,
  taken: ReadonlySet<string>,
  /** The area's text table; each area words these three its own way under the same keys. */
  t: (key: "new.labelRequired" | "new.nameInvalid" | "new.nameTaken") => string,
): NameProblems => {
  const found: NameProblems = {};
  if (label.en.trim() === "") found.label = t("new.labelRequired");
  if (!NAME_REGEX.test(name)) found.name = t("new.nameInvalid");
  else if (taken.has(name)) found.name = t("new.nameTaken");
  return found;
};

/** The engine's messages about the part of a refused document under `prefix` (`/label`), if any. */
export const refusalAt = (error: unknown, prefix: string): string | undefined =>
  error instanceof ApiError
    ? error.errors
        .filter((p) => p.path.startsWith(prefix))
        .map((p) => p.message)
        .join(" ") || undefined
    : undefined;

/** What went wrong with a save, when no control is to blame. */
export const failureText = (error: unknown): string =>
  error instanceof ApiError ? error.title : String(error);

interface FieldsProps {
  naming: ReturnType<typeof useNewDocumentName>;
  problems: NameProblems;
  /** Texts of the area's table: the two controls' names and the name's help. */
  texts: { label: string; name: string; nameHelp: string };
}

/** The label and API name controls of a "New ..." dialog, each showing its problem. */
export const NewDocumentNameFields = ({ naming, problems, texts }: FieldsProps) => (
  <>
    <Form.Item
      label={texts.label}
      required
      validateStatus={problems.label === undefined ? undefined : "error"}
      help={problems.label}
    >
      <LocalizedTextInput
        label={texts.label}
        value={naming.label}
        onChange={naming.changeLabel}
        status={problems.label === undefined ? undefined : "error"}
      />
    </Form.Item>
    <Form.Item
      label={texts.name}
      required
      validateStatus={problems.name === undefined ? undefined : "error"}
      help={problems.name ?? texts.nameHelp}
    >
      <Input
        aria-label={texts.name}
        value={naming.name}
        onChange={(e) => naming.changeName(e.target.value)}
      />
    </Form.Item>
  </>
);

/**
 * Writes a new document to the draft: says `created` when the draft took it and resolves true;
 * hands the error to `refused` (to show on the dialog's controls) and resolves false otherwise.
 */
export const useSaveNewDocument = () => {
  const draft = useDraft();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const save = async <K extends MetadataKind>(
    kind: K,
    name: string,
    document: DocumentOfKind<K>,
    created: string,
    refused: (error: unknown) => void,
  ): Promise<boolean> => {
    setSaving(true);
    try {
      await draft.save(kind, name, document);
      void message.success(created);
      return true;
    } catch (error) {
      refused(error);
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, save };
};

interface ModalProps extends FieldsProps {
  open: boolean;
  /** The dialog's title and its two buttons. */
  buttons: { title: string; ok: string; cancel: string };
  saving?: boolean;
  onOk: () => void;
  onCancel: () => void;
  /** The controls under the label and name. */
  children?: ReactNode;
}

/** A "New ..." dialog: the label and API name, then the kind's own controls. */
export const NewDocumentModal = ({
  open,
  buttons,
  saving,
  onOk,
  onCancel,
  children,
  ...fields
}: ModalProps) => (
  <Modal
    open={open}
    title={buttons.title}
    okText={buttons.ok}
    cancelText={buttons.cancel}
    confirmLoading={saving}
    onOk={onOk}
    onCancel={onCancel}
    destroyOnHidden
  >
    <Form layout="vertical">
      <NewDocumentNameFields {...fields} />
      {children}
    </Form>
  </Modal>
);
