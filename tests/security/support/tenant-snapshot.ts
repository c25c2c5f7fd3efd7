import { expect } from "vitest";
import type { ApiClient } from "../../engine/support/api-client.js";
import { countRecords } from "../../engine/support/problem-assertions.js";

type Json = Record<string, unknown>;

/** What a snapshot reads back: whole records, record counts per object, whole draft documents. */
export interface SnapshotProbes {
  records: ReadonlyArray<{ object: string; id: string }>;
  counts: readonly string[];
  drafts: ReadonlyArray<{ kind: string; name: string }>;
}

/**
 * A tenant's observable state, read through the API as the admin: probed records (every value and
 * the version) with their history length, record counts, the draft (listing and probed documents),
 * the published versions and the audit log. Two snapshots are equal only if nothing was written.
 */
export interface TenantSnapshot {
  records: Record<string, Json>;
  historyLengths: Record<string, number>;
  counts: Record<string, number>;
  draftListing: Json[];
  draftDocuments: Record<string, unknown>;
  publishedVersions: number[];
  currentVersion: number;
  auditLength: number;
  newestAuditEvent: string | undefined;
}

const readOk = async <T>(admin: ApiClient, path: string): Promise<T> => {
  const res = await admin.get<T>(path);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
};

const auditEvents = async (admin: ApiClient): Promise<Json[]> => {
  const events: Json[] = [];
  let cursor: unknown = null;
  do {
    const page: { events: Json[]; nextCursor: unknown } = await readOk(
      admin,
      `/api/v1/audit?limit=200${cursor === null ? "" : `&cursor=${String(cursor)}`}`,
    );
    events.push(...page.events);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return events;
};

export const takeTenantSnapshot = async (
  admin: ApiClient,
  probes: SnapshotProbes,
): Promise<TenantSnapshot> => {
  const records: Record<string, Json> = {};
  const historyLengths: Record<string, number> = {};
  for (const { object, id } of probes.records) {
    const url = `/api/v1/records/${object}/${id}`;
    records[`${object}/${id}`] = await readOk<Json>(admin, url);
    historyLengths[`${object}/${id}`] = (
      await readOk<{ entries: Json[] }>(admin, `${url}/history`)
    ).entries.length;
  }
  const counts: Record<string, number> = {};
  for (const object of probes.counts) counts[object] = await countRecords(admin, object);
  const draftDocuments: Record<string, unknown> = {};
  for (const { kind, name } of probes.drafts) {
    const res = await admin.get(`/api/v1/metadata/draft/${kind}/${name}`);
    draftDocuments[`${kind}/${name}`] = res.status === 200 ? res.body : res.status;
  }
  const draft = await readOk<{ documents: Json[] }>(admin, "/api/v1/metadata/draft");
  const versions = await readOk<{ versions: Array<{ version: number }> }>(admin, "/api/v1/metadata/versions");
  const objects = await readOk<{ version: number }>(admin, "/api/v1/metadata/objects");
  const audit = await auditEvents(admin);
  return {
    records,
    historyLengths,
    counts,
    draftListing: draft.documents,
    draftDocuments,
    publishedVersions: versions.versions.map((v) => v.version),
    currentVersion: objects.version,
    auditLength: audit.length,
    newestAuditEvent: audit[0] === undefined ? undefined : String(audit[0].id),
  };
};
