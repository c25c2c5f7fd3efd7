import { documentId, type JsonObject } from "@tessera/metadata";
import type { ProblemDetail } from "../errors/engine-error.js";
import type { TenantStore } from "../store/store-port.js";
import { assessDraft } from "./assess-draft.js";
import type { DocumentChange } from "./change-set.js";
import type { Impact } from "./data-impact.js";

/** At most this many documents may stand in for draft documents in one preview. */
export const MAX_PREVIEW_DOCUMENTS = 50;

export interface DraftPreview {
  changes: DocumentChange[];
  impact: Impact[];
  issues: ProblemDetail[];
}

/**
 * What publishing the draft would do, without publishing: the same assessment publish makes.
 * `replacements` (each with a string kind and name) take the place of the draft documents of the
 * same kind and name, or join the draft, for this assessment only: nothing is stored.
 */
export const previewDraft = async (
  store: TenantStore,
  replacements: ReadonlyArray<JsonObject & { kind: string; name: string }> = [],
): Promise<DraftPreview> => {
  const documents = new Map((await store.listDraft()).map((d) => [`${d.kind}/${d.name}`, d.document]));
  for (const doc of replacements) documents.set(documentId(doc), doc);
  const { changes, impact, issues } = await assessDraft(store, [...documents.values()]);
  return { changes, impact, issues };
};
