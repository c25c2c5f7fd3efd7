import { documentId, type MetadataDocument, validateDocumentSet } from "@tessera/metadata";
import type { ProblemDetail } from "../errors/engine-error.js";
import type { PublishedVersion, TenantStore } from "../store/store-port.js";
import { checkTemplateDocuments } from "../templates/compile-template-documents.js";
import { computeChanges, type DocumentChange } from "./change-set.js";
import { assessImpact, type Impact } from "./data-impact.js";

/** What publishing a set of draft documents would do, without doing it. */
export interface DraftAssessment {
  /** Whole-set validation and template problems, `/<kind>/<name><pointer>` as publish reports them. */
  issues: ProblemDetail[];
  changes: DocumentChange[];
  impact: Impact[];
  /** The documents that would become the new version (complete only when `issues` is empty). */
  next: MetadataDocument[];
  /** The documents of the active version (empty before the first publish). */
  previous: MetadataDocument[];
  current: PublishedVersion | undefined;
}

/**
 * Assesses `documents` (a whole draft) against the active version: every problem publishing would
 * refuse, the change set, and its impact on existing records. A document with problems of its own
 * counts as unchanged here (its published form, or absent when it was never published), so a
 * half-valid document never shows as fields removed nor reports data loss it would not cause; its
 * problems are in `issues`, and publishing refuses the set until they are fixed.
 */
export const assessDraft = async (
  store: TenantStore,
  documents: readonly unknown[],
): Promise<DraftAssessment> => {
  const validated = validateDocumentSet(documents);
  const problems = [...validated.issues, ...checkTemplateDocuments([...validated.documents.values()])];
  const current = await store.currentVersion();
  const previous = (current?.documents ?? []) as unknown as MetadataDocument[];
  const flawed = new Set(problems.map((p) => p.document));
  const published = new Map(previous.map((d) => [documentId(d), d]));
  const next = [...validated.documents.values()].flatMap((doc) => {
    const id = documentId(doc);
    if (!flawed.has(id)) return [doc];
    const prior = published.get(id);
    return prior === undefined ? [] : [prior];
  });
  // A published document whose draft form was refused outright (not even its shape) stays too.
  const kept = new Set(next.map(documentId));
  for (const [id, prior] of published) if (flawed.has(id) && !kept.has(id)) next.push(prior);
  const changes = computeChanges(previous, next);
  const impact = await assessImpact(store, previous, next, changes);
  const issues = problems.map((i) => ({
    path: `/${i.document}${i.path}`,
    code: i.code,
    message: `${i.document}: ${i.message}`,
  }));
  return { issues, changes, impact, next, previous, current };
};
