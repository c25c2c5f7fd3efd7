import type { JsonObject } from "@tessera/metadata";
import type { Filter } from "mongodb";
import { type AuditEvent, type AuditQuery, DEFAULT_AUDIT_LIMIT, StoreError } from "../store-port.js";
import { duplicateKeyOf } from "./duplicate-key.js";
import { type AuditDocument, createAuditIndexes, type TenantCollections } from "./tenant-collections.js";

/** Newest first; `_id` breaks ties of `at`, so the order is total and a cursor is exact. */
export const AUDIT_SORT = { at: -1, _id: -1 } as const;

export const auditToDocument = (event: AuditEvent): AuditDocument => ({
  _id: event.id,
  at: event.at,
  type: event.type,
  ...(event.actorId !== undefined && { actorId: event.actorId }),
  ...(event.actorName !== undefined && { actorName: event.actorName }),
  ...(event.ip !== undefined && { ip: event.ip }),
  ...(event.target !== undefined && { target: event.target }),
  ...(event.details !== undefined && { details: JSON.stringify(event.details) }),
});

export const auditFromDocument = (document: AuditDocument): AuditEvent => ({
  id: document._id,
  at: document.at,
  type: document.type,
  ...(document.actorId !== undefined && { actorId: document.actorId }),
  ...(document.actorName !== undefined && { actorName: document.actorName }),
  ...(document.ip !== undefined && { ip: document.ip }),
  ...(document.target !== undefined && { target: document.target }),
  ...(document.details !== undefined && { details: JSON.parse(document.details) as JsonObject }),
});

/**
 * The events of `options.type` (every type when absent) strictly older than `cursor`, the position
 * of the `before` event. Values are always `$eq`/`$lt` operands: none can act as an operator.
 */
export const auditSelection = (
  type: string | undefined,
  cursor: { at: string; _id: string } | undefined,
): Filter<AuditDocument> => ({
  ...(type !== undefined && { type: { $eq: type } }),
  ...(cursor !== undefined && {
    $or: [{ at: { $lt: cursor.at } }, { at: { $eq: cursor.at }, _id: { $lt: cursor._id } }],
  }),
});

/**
 * The audit collection of one tenant, its indexes made on first use: tenants created before the
 * audit log existed get them then (new tenants get them at creation).
 */
export class AuditEvents {
  readonly #collections: TenantCollections;
  #indexes: Promise<void> | undefined;

  constructor(collections: TenantCollections) {
    this.#collections = collections;
  }

  async #ready(): Promise<void> {
    this.#indexes ??= createAuditIndexes(this.#collections).catch((error: unknown) => {
      this.#indexes = undefined;
      throw error;
    });
    await this.#indexes;
  }

  async append(event: AuditEvent): Promise<void> {
    await this.#ready();
    try {
      await this.#collections.audit.insertOne(auditToDocument(event));
    } catch (error) {
      if (duplicateKeyOf(error) !== undefined)
        throw new StoreError("duplicateId", "An audit event with this id exists");
      throw error;
    }
  }

  async list(options: AuditQuery): Promise<AuditEvent[]> {
    const limit = options.limit ?? DEFAULT_AUDIT_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 0)
      throw new RangeError("Audit limit must be a non-negative integer");
    if (options.type !== undefined && typeof options.type !== "string")
      throw new TypeError("Audit type must be a string");
    await this.#ready();
    let cursor: { at: string; _id: string } | undefined;
    if (options.before !== undefined) {
      const found = await this.#collections.audit.findOne(
        { _id: { $eq: String(options.before) } },
        { projection: { at: 1 } },
      );
      if (found === null) return [];
      cursor = { at: found.at, _id: found._id };
    }
    // A limit of 0 means "no limit" to MongoDB.
    if (limit === 0) return [];
    const documents = await this.#collections.audit
      .find(auditSelection(options.type, cursor), { sort: AUDIT_SORT, limit })
      .toArray();
    return documents.map(auditFromDocument);
  }
}
