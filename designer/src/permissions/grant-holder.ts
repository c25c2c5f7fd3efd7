import type { DocumentOfKind, PermissionGrants } from "@tessera/metadata";
import type { DocumentSetEditor } from "../editing/use-document-set-editor.js";

/** The kinds of document that grant permissions. */
export type HolderKind = "profile" | "permissionSet";
export const HOLDER_KINDS: readonly HolderKind[] = ["profile", "permissionSet"];

/** A profile or permission set as a column group of the matrices. */
export interface GrantHolder {
  kind: HolderKind;
  name: string;
  /** `kind/name`. */
  key: string;
  /** Its label in the admin's language. */
  label: string;
}

export type GrantsEditor = DocumentSetEditor<HolderKind>;

/** The holder's document with unsaved changes; every holder listed is in the draft. */
export const grantsOf = (editor: GrantsEditor, holder: GrantHolder): PermissionGrants =>
  editor.document(holder.kind, holder.name) ?? {};

export type GrantsDocument = DocumentOfKind<HolderKind>;

/** Changes one holder's document as one undo step. */
export const changeHolder = (
  editor: GrantsEditor,
  holder: GrantHolder,
  change: (doc: GrantsDocument) => GrantsDocument,
): void => editor.update([{ kind: holder.kind, name: holder.name, change }]);
