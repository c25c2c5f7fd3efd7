import { documentId, type JsonObject } from "@tessera/metadata";
import { conflict } from "../errors/engine-error.js";
import type { TenantStore } from "../store/store-port.js";

/** One draft document the discard put back or took away. */
export interface DiscardedChange {
  kind: string;
  name: string;
  /** What the draft had done to the published document, now undone. */
  change: "added" | "removed" | "changed";
}

export interface DiscardResult {
  /** The published version the draft now equals. */
  version: number;
  discarded: DiscardedChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Makes the draft the active version's documents again: restores changed and removed documents,
 * deletes added ones, and leaves documents the draft did not change untouched (their dates too).
 * Restores are written before deletions, so an interrupted discard leaves a draft a second discard
 * completes. Refused with 409 before the first publish: there is nothing to go back to.
 */
export const discardDraft = async (
  store: TenantStore,
  actor: string,
  now: Date = new Date(),
): Promise<DiscardResult> => {
  const current = await store.currentVersion();
  if (current === undefined)
    throw conflict("discard.nothingPublished", "Nothing is published yet: there is no version to go back to");
  const draft = new Map((await store.listDraft()).map((d) => [documentId(d), d]));
  const discarded: DiscardedChange[] = [];
  for (const doc of current.documents as Array<JsonObject & { kind: string; name: string }>) {
    const id = documentId(doc);
    const drafted = draft.get(id);
    draft.delete(id);
    if (drafted !== undefined && same(drafted.document, doc)) continue;
    discarded.push({ kind: doc.kind, name: doc.name, change: drafted === undefined ? "removed" : "changed" });
    await store.putDraft({
      kind: doc.kind,
      name: doc.name,
      document: doc,
      updatedAt: now.toISOString(),
      updatedBy: actor,
    });
  }
  for (const { kind, name } of draft.values()) {
    await store.deleteDraft(kind, name);
    discarded.push({ kind, name, change: "added" });
  }
  return { version: current.version, discarded };
};
