import type { JsonObject } from "@tessera/metadata";
import type { DraftDocument, PublishedVersion } from "../store-port.js";
import type { TenantCollections } from "./tenant-collections.js";

export const listDraft = async (collections: TenantCollections): Promise<DraftDocument[]> => {
  const entries = await collections.drafts.find({}, { sort: { kind: 1, name: 1 } }).toArray();
  return entries.map((entry) => ({
    kind: entry.kind,
    name: entry.name,
    document: parseObject(entry.body),
    updatedAt: entry.updatedAt,
    updatedBy: entry.updatedBy,
  }));
};

export const putDraft = async (collections: TenantCollections, doc: DraftDocument): Promise<void> => {
  const kind = text(doc.kind);
  const name = text(doc.name);
  await collections.drafts.replaceOne(
    { _id: { kind, name } },
    { kind, name, body: JSON.stringify(doc.document), updatedAt: doc.updatedAt, updatedBy: doc.updatedBy },
    { upsert: true },
  );
};

export const deleteDraft = async (
  collections: TenantCollections,
  kind: string,
  name: string,
): Promise<boolean> =>
  (await collections.drafts.deleteOne({ _id: { kind: text(kind), name: text(name) } })).deletedCount === 1;

/** One read of the state document by its `_id`: cheap enough for every request. */
export const currentVersionNumber = async (collections: TenantCollections): Promise<number> =>
  (await collections.state.findOne({ _id: "current" }, { projection: { version: 1 } }))?.version ?? 0;

export const currentVersion = async (
  collections: TenantCollections,
): Promise<PublishedVersion | undefined> => {
  const version = await currentVersionNumber(collections);
  return version === 0 ? undefined : readVersion(collections, version);
};

export const readVersion = async (
  collections: TenantCollections,
  version: number,
): Promise<PublishedVersion | undefined> => {
  if (typeof version !== "number") return undefined;
  const entry = await collections.versions.findOne({ _id: { $eq: version } });
  if (entry === null) return undefined;
  const parts = await collections.versionParts
    .find({ version: { $eq: version } }, { sort: { part: 1, index: 1 } })
    .toArray();
  return {
    version: entry._id,
    publishedAt: entry.publishedAt,
    publishedBy: entry.publishedBy,
    documents: parts.filter((part) => part.part === "document").map((part) => parseObject(part.body)),
    changes: parts.filter((part) => part.part === "change").map((part) => parseObject(part.body)),
  };
};

export const listVersions = async (
  collections: TenantCollections,
): Promise<Array<Omit<PublishedVersion, "documents" | "changes">>> => {
  const entries = await collections.versions.find({}, { sort: { _id: -1 } }).toArray();
  return entries.map((entry) => ({
    version: entry._id,
    publishedAt: entry.publishedAt,
    publishedBy: entry.publishedBy,
  }));
};

const parseObject = (body: string): JsonObject => JSON.parse(body) as JsonObject;

const text = (value: unknown): string => {
  if (typeof value === "string") return value;
  throw new TypeError("Expected a string");
};
