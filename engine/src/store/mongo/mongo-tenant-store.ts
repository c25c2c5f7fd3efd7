import type { Db } from "mongodb";
import type { TenantStore } from "../store-port.js";
import { aggregate } from "./aggregate-pipeline.js";
import { ApiKeys } from "./api-keys.js";
import type { AtomicWrites } from "./atomic-writes.js";
import { AuditEvents } from "./audit-events.js";
import * as automationLog from "./automation-log.js";
import * as credentials from "./credentials.js";
import * as entries from "./entries.js";
import { Jobs } from "./jobs.js";
import * as metadata from "./metadata-documents.js";
import * as notifications from "./notifications.js";
import { ObjectStorage } from "./object-storage.js";
import * as emails from "./outbox-emails.js";
import { publishVersion } from "./publish-version.js";
import * as reads from "./record-reads.js";
import * as writes from "./record-writes.js";
import * as settings from "./settings.js";
import { tenantCollections } from "./tenant-collections.js";
import { workCollectionsReady } from "./work-collections.js";
import * as workItems from "./work-items.js";

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
  const workReady = workCollectionsReady(db);
  const writeTarget = { collections, storage, atomic, workReady };
  const audit = new AuditEvents(collections);
  const apiKeys = new ApiKeys(collections);
  const jobs = new Jobs(collections, atomic);
  // The work collections exist before their first use, also in tenants created before them.
  const work = <T>(operation: () => Promise<T>): Promise<T> =>
    run(async () => {
      await workReady();
      return operation();
    });
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
        writes.insertRecord(
          writeTarget,
          object,
          record,
          options?.autoNumbers ?? [],
          options?.history ?? [],
          options?.effects,
        ),
      ),
    insertRecords: (object, records, history) =>
      run(() => writes.insertRecords(writeTarget, object, records, history ?? [])),
    getRecord: (object, id) => run(() => reads.getRecord(storage, object, id)),
    getRecords: (object, ids) => run(() => reads.getRecords(storage, object, ids)),
    updateRecord: (object, record, expectedVersion, history, effects) =>
      run(() => writes.updateRecord(writeTarget, object, record, expectedVersion, history ?? [], effects)),
    deleteRecords: (targets, effects) => run(() => writes.deleteRecords(writeTarget, targets, effects)),
    findRecords: (object, query) => run(() => reads.findRecords(storage, object, query)),
    countRecords: (object, filter) => run(() => reads.countRecords(storage, object, filter)),
    summarize: (object, operation, field, filter) =>
      run(() => reads.summarize(storage, object, operation, field, filter)),
    aggregate: (object, query) => run(() => aggregate(storage, object, query)),
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

    enqueueJobs: (list, options) => work(() => jobs.enqueue(list, options?.completeJob)),
    cancelJobs: (keys) => work(() => jobs.cancel(keys)),
    claimJobs: (claim) => work(() => jobs.claim(claim)),
    completeJob: (id, owner) => work(() => jobs.complete(id, owner)),
    retryJob: (id, owner, dueAt, error) => work(() => jobs.retry(id, owner, dueAt, error)),
    listJobs: (options) => work(() => jobs.list(options)),

    listWorkItems: (userId, options) => work(() => workItems.listWorkItems(collections, userId, options)),
    workItemsOf: (object, recordId) => work(() => workItems.workItemsOf(collections, object, recordId)),

    addNotifications: (list) => work(() => notifications.addNotifications(collections, atomic, list)),
    listNotifications: (userId, query) =>
      work(() => notifications.listNotifications(collections, userId, query)),
    countUnreadNotifications: (userId) =>
      work(() => notifications.countUnreadNotifications(collections, userId)),
    markNotificationsRead: (userId, at, ids) =>
      work(() => notifications.markNotificationsRead(collections, userId, at, ids)),
    addEmails: (list) => work(() => emails.addEmails(collections, atomic, list)),
    getEmail: (id) => work(() => emails.getEmail(collections, id)),
    listEmails: (query) => work(() => emails.listEmails(collections, query)),
    updateEmail: (id, state) => work(() => emails.updateEmail(collections, id, state)),
    appendLog: (entry) => work(() => automationLog.appendLog(collections, entry)),
    listLog: (query) => work(() => automationLog.listLog(collections, query)),
    getSetting: (key) => work(() => settings.getSetting(collections, key)),
    putSetting: (key, value) => work(() => settings.putSetting(collections, key, value)),

    getEntry: (collection, id) => work(() => entries.getEntry(collections, collection, id)),
    putEntry: (collection, id, body, options) =>
      work(() => entries.putEntry(collections, collection, id, body, options ?? {})),
    deleteEntry: (collection, id) => work(() => entries.deleteEntry(collections, collection, id)),
    listEntries: (collection, query) => work(() => entries.listEntries(collections, collection, query)),
    deleteEntries: (collection, prefix) => work(() => entries.deleteEntries(collections, collection, prefix)),
  };
};
