import type { TenantStore } from "../store-port.js";
import { aggregate } from "./aggregate-records.js";
import { createApiKey, getApiKeyByHash, listApiKeys, markApiKeyUsed, revokeApiKey } from "./api-keys.js";
import { appendAudit, listAudit } from "./audit-log.js";
import { appendLog, listLog } from "./automation-log.js";
import {
  createSession,
  deleteSession,
  deleteSessionsOf,
  getPasswordHash,
  getSession,
  setPasswordHash,
} from "./credentials.js";
import { deleteDraft, listDraft, putDraft } from "./draft-documents.js";
import { deleteEntries, deleteEntry, getEntry, listEntries, putEntry } from "./entries.js";
import { countRecords, findRecords } from "./find-records.js";
import { cancelJobs, claimJobs, completeJob, enqueueJobs, listJobs, retryJob } from "./jobs.js";
import {
  addNotifications,
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
} from "./notifications.js";
import { addEmails, getEmail, listEmails, updateEmail } from "./outbox-emails.js";
import { publishVersion } from "./publish-version.js";
import { currentVersion, currentVersionNumber, listVersions, readVersion } from "./published-versions.js";
import { getRecord, getRecords } from "./read-records.js";
import { readHistory } from "./record-history.js";
import { getSetting, putSetting } from "./settings.js";
import { summarize } from "./summarize-records.js";
import type { TenantDatabase } from "./tenant-database.js";
import { listWorkItems, workItemsOf } from "./work-items.js";
import { deleteRecords, insertRecord, insertRecords, updateRecord } from "./write-records.js";

/**
 * The TenantStore of one tenant database. Each method runs synchronously inside (better-sqlite3)
 * and answers through a promise, so a throw becomes a rejection and callers see one async port.
 */
export const embeddedTenantStore = (tenant: string, tdb: TenantDatabase): TenantStore => ({
  tenant,
  listDraft: async () => listDraft(tdb),
  putDraft: async (doc) => putDraft(tdb, doc),
  deleteDraft: async (kind, name) => deleteDraft(tdb, kind, name),
  currentVersion: async () => currentVersion(tdb),
  currentVersionNumber: async () => currentVersionNumber(tdb),
  readVersion: async (version) => readVersion(tdb, version),
  listVersions: async () => listVersions(tdb),
  publish: async (next, expectedCurrent, schema) => publishVersion(tdb, next, expectedCurrent, schema),
  insertRecord: async (object, record, options) =>
    insertRecord(tdb, object, record, options?.autoNumbers ?? [], options?.history ?? [], options?.effects),
  insertRecords: async (object, records, history) => insertRecords(tdb, object, records, history ?? []),
  getRecord: async (object, id) => getRecord(tdb, object, id),
  getRecords: async (object, ids) => getRecords(tdb, object, ids),
  updateRecord: async (object, record, expectedVersion, history, effects) =>
    updateRecord(tdb, object, record, expectedVersion, history ?? [], effects),
  deleteRecords: async (targets, effects) => deleteRecords(tdb, targets, effects),
  findRecords: async (object, query) => findRecords(tdb, object, query),
  countRecords: async (object, filter) => countRecords(tdb, object, filter),
  summarize: async (object, operation, field, filter) => summarize(tdb, object, operation, field, filter),
  aggregate: async (object, query) => aggregate(tdb, object, query),
  history: async (object, recordId, options) => readHistory(tdb, object, recordId, options?.limit),
  getPasswordHash: async (userId) => getPasswordHash(tdb, userId),
  setPasswordHash: async (userId, hash) => setPasswordHash(tdb, userId, hash),
  createSession: async (session) => createSession(tdb, session),
  getSession: async (tokenHash) => getSession(tdb, tokenHash),
  deleteSession: async (tokenHash) => deleteSession(tdb, tokenHash),
  deleteSessionsOf: async (userId) => deleteSessionsOf(tdb, userId),
  createApiKey: async (key) => createApiKey(tdb, key),
  getApiKeyByHash: async (tokenHash) => getApiKeyByHash(tdb, tokenHash),
  listApiKeys: async (userId) => listApiKeys(tdb, userId),
  revokeApiKey: async (id, revokedAt) => revokeApiKey(tdb, id, revokedAt),
  markApiKeyUsed: async (id, at) => markApiKeyUsed(tdb, id, at),
  appendAudit: async (event) => appendAudit(tdb, event),
  listAudit: async (options) => listAudit(tdb, options),
  enqueueJobs: async (jobs, options) => enqueueJobs(tdb, jobs, options?.completeJob),
  cancelJobs: async (keys) => cancelJobs(tdb, keys),
  claimJobs: async (claim) => claimJobs(tdb, claim),
  completeJob: async (id, owner) => completeJob(tdb, id, owner),
  retryJob: async (id, owner, dueAt, error) => retryJob(tdb, id, owner, dueAt, error),
  listJobs: async (options) => listJobs(tdb, options),
  listWorkItems: async (userId, options) => listWorkItems(tdb, userId, options),
  workItemsOf: async (object, recordId) => workItemsOf(tdb, object, recordId),
  addNotifications: async (notifications) => addNotifications(tdb, notifications),
  listNotifications: async (userId, query) => listNotifications(tdb, userId, query),
  countUnreadNotifications: async (userId) => countUnreadNotifications(tdb, userId),
  markNotificationsRead: async (userId, at, ids) => markNotificationsRead(tdb, userId, at, ids),
  addEmails: async (emails) => addEmails(tdb, emails),
  getEmail: async (id) => getEmail(tdb, id),
  listEmails: async (query) => listEmails(tdb, query),
  updateEmail: async (id, state) => updateEmail(tdb, id, state),
  appendLog: async (entry) => appendLog(tdb, entry),
  listLog: async (query) => listLog(tdb, query),
  getSetting: async (key) => getSetting(tdb, key),
  putSetting: async (key, value) => putSetting(tdb, key, value),
  getEntry: async (collection, id) => getEntry(tdb, collection, id),
  putEntry: async (collection, id, body, options) => putEntry(tdb, collection, id, body, options ?? {}),
  deleteEntry: async (collection, id) => deleteEntry(tdb, collection, id),
  listEntries: async (collection, query) => listEntries(tdb, collection, query),
  deleteEntries: async (collection, prefix) => deleteEntries(tdb, collection, prefix),
});
