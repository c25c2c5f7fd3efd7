import type { MetadataIssue } from "../issues/metadata-issue.js";
import type { DocumentOfKind, MetadataDocument, MetadataKind } from "../kinds/metadata-document.js";
import type { ObjectDefinition } from "../kinds/object.js";

/**
 * What a semantic check may consult: every document of the set being validated (a tenant's whole
 * draft, a package, a directory on disk). Checks never see I/O.
 */
export interface CheckContext {
  readonly objects: ReadonlyMap<string, ObjectDefinition>;
  /** All documents of one kind in the set. */
  byKind<K extends MetadataKind>(kind: K): ReadonlyArray<DocumentOfKind<K>>;
  /** One document by kind and name. */
  find<K extends MetadataKind>(kind: K, name: string): DocumentOfKind<K> | undefined;
}

/** A semantic check of one kind of document; issues carry `document` = `kind/name`. */
export type SemanticCheck<D extends MetadataDocument> = (doc: D, ctx: CheckContext) => MetadataIssue[];

/** `kind/name`, how issues name a document. */
export const documentId = (doc: { kind: string; name: string }): string => `${doc.kind}/${doc.name}`;
