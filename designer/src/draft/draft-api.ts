import type { DocumentOfKind, JsonObject, MetadataKind } from "@tessera/metadata";
import { api, get, type ProblemDetail } from "@tessera/runtime";

/** One document of the tenant's draft, as the engine stores it. */
export interface DraftEntry<K extends MetadataKind = MetadataKind> {
  kind: K;
  name: string;
  document: DocumentOfKind<K>;
  updatedAt: string;
  updatedBy: string;
}

/** What happened to one field of an object between the published version and the draft. */
export interface FieldChange {
  field: string;
  change: string;
  from?: string;
  to?: string;
  options?: string[];
}

/** One document's change between the published version and the draft. */
export interface DocumentChange {
  kind: string;
  name: string;
  change: "added" | "removed" | "changed";
  fields?: FieldChange[];
}

/** One consequence of publishing for existing records. */
export interface Impact {
  object: string;
  field?: string;
  severity: "destructive" | "blocking";
  code: string;
  records: number;
  message: string;
}

/** The draft against the published version, without publishing it. */
export interface DraftPreview {
  changes: DocumentChange[];
  impact: Impact[];
  /** Problems publishing would refuse, with pointers `/<kind>/<name>/<path in the document>`. */
  issues: ProblemDetail[];
}

export interface PublishResult {
  version: number;
  changes: DocumentChange[];
  impact: Impact[];
  migratedRecords: number;
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string;
}

export interface VersionDetail extends VersionSummary {
  documents: JsonObject[];
  changes: DocumentChange[];
}

const draftPath = (kind: string, name: string) =>
  `/api/v1/metadata/draft/${encodeURIComponent(kind)}/${encodeURIComponent(name)}`;

export const loadDraft = async (signal?: AbortSignal): Promise<DraftEntry[]> =>
  (await get<{ documents: DraftEntry[] }>("/api/v1/metadata/draft/documents", signal)).documents;

/** Creates or replaces a draft document; a 422 ApiError carries pointers into the document. */
export const saveDraftDocument = (kind: MetadataKind, name: string, document: JsonObject) =>
  api<{ document: JsonObject; warnings: ProblemDetail[] }>("PUT", draftPath(kind, name), { body: document });

export const deleteDraftDocument = (kind: MetadataKind, name: string) =>
  api<void>("DELETE", draftPath(kind, name));

export const previewDraft = () => api<DraftPreview>("POST", "/api/v1/metadata/draft/preview", { body: {} });

/** The impact the draft would have with these documents in place of (or besides) its own. */
export const assessDocuments = (documents: readonly JsonObject[]) =>
  api<DraftPreview>("POST", "/api/v1/metadata/draft/preview", { body: { documents } });

export const publishDraft = (force: boolean) =>
  api<PublishResult>("POST", "/api/v1/metadata/publish", { body: force ? { force: true } : {} });

export const discardDraft = () => api<void>("POST", "/api/v1/metadata/draft/discard", { body: {} });

export const listVersions = async (): Promise<VersionSummary[]> =>
  (await get<{ versions: VersionSummary[] }>("/api/v1/metadata/versions")).versions;

export const readVersion = (version: number) => get<VersionDetail>(`/api/v1/metadata/versions/${version}`);
