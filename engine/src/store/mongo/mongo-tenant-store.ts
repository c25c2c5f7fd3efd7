import type { Db } from "mongodb";
import type { TenantStore } from "../store-port.js";
import { ApiKeys } from "./api-keys.js";
import type { AtomicWrites } from "./atomic-writes.js";
import { AuditEvents } from "./audit-events.js";
import * as credentials from "./credentials.js";
import * as metadata from "./metadata-documents.js";
import { ObjectStorage } from "./object-storage.js";
import { publishVersion } from "./publish-version.js";
import * as reads from "./record-reads.js";
import * as writes from "./record-writes.js";
import { tenantCollections } from "./tenant-collections.js";

/** The TenantStore of one tenant's database: every operation names only its collections. */
export const mongoTenantStore = (
  tenant: string,
  db: Db,
  atomic: AtomicWrites,
  ensureOpen: () => void,
): TenantStore => {
  // The driver would reconnect a closed client on the next operation: a closed store refuses first.
  const run = async <T>(operation: () => Promise<T>): Promise<T> => {
    ensureOpen();
    return operation();
  };
  const collections = tenantCollections(db);
  const storage = new ObjectStorage(db);
  const writeTarget = { collections, storage, atomic };
  const audit = new AuditEvents(collections);
  const apiKeys = new ApiKeys(collections);
  return {
    tenant,
    listDraft: () => run(() => metadata.listDraft(collections)),
    putDraft: (doc) => run(() => metadata.putDraft(collections, doc)),
    deleteDraft: (kind, name) => run(() => metadata.deleteDraft(collections, kind, name)),
    currentVersion: () => run(() => metadata.currentVersion(collections)),
    currentVersionNumber: () => run(() => metadata.currentVersionNumber(collections)),
    readVersion: (version) => run(() => metadata.readVersion(collections, version)),
    listVersions: () => run(() => metadata.listVersions(collections)),
    publish: (next, expectedCurrent, schema) =>
      run(() =>
        publishVersion(
          { db, collections, atomic, forget: (object) => storage.forget(object) },
          next,
          expectedCurrent,
          schema,
        ),
      ),

    insertRecord: (object, record, options) =>
      run(() =>
        writes.insertRecord(writeTarget, object, record, options?.autoNumbers ?? [], options?.history ?? []),
      ),
    insertRecords: (object, records, history) =>
      run(() => writes.insertRecords(writeTarget, object, records, history ?? [])),
    getRecord: (object, id) => run(() => reads.getRecord(storage, object, id)),
    getRecords: (object, ids) => run(() => reads.getRecords(storage, object, ids)),
    updateRecord: (object, record, expectedVersion, history) =>
      run(() => writes.updateRecord(writeTarget, object, record, expectedVersion, history ?? [])),
    deleteRecords: (targets) => run(() => writes.deleteRecords(writeTarget, targets)),
    findRecords: (object, query) => run(() => reads.findRecords(storage, object, query)),
    countRecords: (object, filter) => run(() => reads.countRecords(storage, object, filter)),
    summarize: (object, operation, field, filter) =>
      run(() => reads.summarize(storage, object, operation, field, filter)),
    history: (object, recordId, options) =>
      run(() => reads.readHistory(collections, object, recordId, options?.limit)),

    getPasswordHash: (userId) => run(() => credentials.getPasswordHash(collections, userId)),
    setPasswordHash: (userId, hash) => run(() => credentials.setPasswordHash(collections, userId, hash)),
    createSession: (session) => run(() => credentials.createSession(collections, session)),
    getSession: (tokenHash) => run(() => credentials.getSession(collections, tokenHash)),
    deleteSession: (tokenHash) => run(() => credentials.deleteSession(collections, tokenHash)),
    deleteSessionsOf: (userId) => run(() => credentials.deleteSessionsOf(collections, userId)),

    createApiKey: (key) => run(() => apiKeys.create(key)),
    getApiKeyByHash: (tokenHash) => run(() => apiKeys.byHash(tokenHash)),
    listApiKeys: (userId) => run(() => apiKeys.list(userId)),
    revokeApiKey: (id, revokedAt) => run(() => apiKeys.revoke(id, revokedAt)),
    markApiKeyUsed: (id, at) => run(() => apiKeys.markUsed(id, at)),

    appendAudit: (event) => run(() => audit.append(event)),
    listAudit: (options) => run(() => audit.list(options)),
  };
};
