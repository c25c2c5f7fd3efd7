import { isPlainObject, type JsonObject } from "@tessera/metadata";
import { EngineError, notFound } from "../errors/engine-error.js";
import { fullAccess } from "../security/full-access.js";
import type { StoredRecord } from "../store/store-port.js";
import { createRecord } from "./create-record.js";
import { deleteRecord } from "./delete-record.js";
import { idIs } from "./filter-helpers.js";
import { manualShareIds } from "./manual-shares.js";
import { presentRecords } from "./present-records.js";
import type { RecordContext } from "./record-context.js";
import { resolveObject } from "./resolve-object.js";
import { systemOf } from "./rollups.js";
import { fieldValuesOf, loadAccessible, staleVersion } from "./update-record.js";

/** Ownership is the owner's (or the hierarchy above them, or an admin's) to change. */
const loadAsOwner = (ctx: RecordContext, object: string, id: string): Promise<StoredRecord> =>
  loadAccessible(ctx, object, id, "delete");

/** Sharing too, and also that of anyone holding manageSharing, for the records they can see. */
const loadAsSharer = (ctx: RecordContext, object: string, id: string): Promise<StoredRecord> =>
  loadAccessible(ctx, object, id, ctx.access.system.manageSharing ? "read" : "delete");

// Share records are written in system mode once the caller's right to share is established:
// the caller need not (and should not) hold write access to the recordShare object itself.
const asSystem = (ctx: RecordContext): RecordContext => ({ ...ctx, access: fullAccess(ctx.metadata) });

const sharesFilter = (object: string, id: string) => ({
  op: "and" as const,
  children: [
    { op: "compare" as const, field: "sharedObject", operator: "==" as const, value: object },
    { op: "compare" as const, field: "sharedRecord", operator: "==" as const, value: id },
  ],
});

/** A request that asks for something this route does not do is refused, not half-done. */
const refuseUnknownKeys = (body: Record<string, unknown>, allowed: readonly string[]): void => {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new EngineError(
      422,
      "invalid",
      "The request has settings this route does not know",
      unknown.map((k) => ({
        path: `/${k}`,
        code: "field.unknown",
        message: `"${k}" is not a setting here; use ${allowed.join(", ")}.`,
      })),
    );
  }
};

/** Manual shares of a record, for its owner, the hierarchy above and admins. */
export const listShares = async (
  ctx: RecordContext,
  objectName: string,
  id: string,
): Promise<JsonObject[]> => {
  resolveObject(ctx, objectName, "read");
  await loadAsSharer(ctx, objectName, id);
  const shares = ctx.metadata.objects.get("recordShare");
  if (shares === undefined) return [];
  const page = await ctx.store.findRecords("recordShare", {
    filter: sharesFilter(objectName, id),
    sort: [],
    limit: 1000,
  });
  return presentRecords(asSystem(ctx), shares, page.records);
};

/** Shares a record with a user or a group, read or edit, by the owner (or above, or an admin). */
export const shareRecord = async (
  ctx: RecordContext,
  objectName: string,
  id: string,
  body: unknown,
): Promise<JsonObject> => {
  const object = resolveObject(ctx, objectName, "read");
  if (object.definition.sharingModel === "controlledByParent") {
    throw new EngineError(422, "invalid", "Records controlled by their parent are shared through the parent");
  }
  await loadAsSharer(ctx, objectName, id);
  if (!isPlainObject(body)) throw new EngineError(422, "invalid", "Send {user or group, access}");
  refuseUnknownKeys(body, ["user", "group", "access"]);
  return createRecord(asSystem(ctx), "recordShare", {
    sharedObject: objectName,
    sharedRecord: id,
    sharedWithUser: body.user ?? null,
    sharedWithGroup: body.group ?? null,
    access: body.access ?? "read",
  });
};

/** Removes a manual share of a record. */
export const unshareRecord = async (
  ctx: RecordContext,
  objectName: string,
  id: string,
  shareId: string,
): Promise<void> => {
  resolveObject(ctx, objectName, "read");
  await loadAsSharer(ctx, objectName, id);
  const share = await ctx.store.getRecord("recordShare", shareId);
  if (share === undefined || share.sharedObject !== objectName || share.sharedRecord !== id)
    throw notFound("No such share");
  await deleteRecord(asSystem(ctx), "recordShare", shareId);
};

/** A transfer's outcome: the record as the caller now sees it, and the manual shares it removed. */
export interface OwnershipTransfer {
  record: JsonObject;
  removedShares: string[];
}

/**
 * Transfers a record to another active user: the only way `ownerId` changes (it is never writable
 * through create or update). Needs edit permission on the object and ownership of the record (or
 * the hierarchy above the owner, modifyAll, or modifyAllData). As in Salesforce, the record's
 * manual shares end with the transfer: they were granted by or for the previous owner.
 */
export const transferOwnership = async (
  ctx: RecordContext,
  objectName: string,
  id: string,
  body: unknown,
): Promise<OwnershipTransfer> => {
  const object = resolveObject(ctx, objectName, "edit");
  const record = await loadAsOwner(ctx, objectName, id);
  if (isPlainObject(body)) refuseUnknownKeys(body, ["ownerId"]);
  const ownerId = isPlainObject(body) ? body.ownerId : undefined;
  const problem = (message: string) =>
    new EngineError(422, "invalid", "The new owner is not valid", [
      { path: "/ownerId", code: "owner.invalid", message },
    ]);
  if (typeof ownerId !== "string") throw problem("Name the new owner's user id.");
  const owner = await ctx.store.countRecords("user", {
    op: "and",
    children: [
      idIs(ownerId),
      { op: "not", child: { op: "compare", field: "active", operator: "==", value: false } },
    ],
  });
  if (owner === 0) throw problem(`No active user "${ownerId}".`);
  const stamp = ctx.now().toISOString();
  const next = {
    ...systemOf(record),
    ...fieldValuesOf(record, object.fields),
    ownerId,
    version: record.version + 1,
    updatedAt: stamp,
    updatedBy: ctx.actor.userId,
  } as StoredRecord;
  const history = [
    {
      object: objectName,
      recordId: id,
      field: "ownerId",
      oldValue: record.ownerId,
      newValue: ownerId,
      version: next.version,
      changedAt: stamp,
      changedBy: ctx.actor.userId,
    },
  ];
  if (!(await ctx.store.updateRecord(objectName, next, record.version, history)))
    throw staleVersion(record.version);
  // Shares are read after the owner changed, so one made while the transfer ran goes too (failing
  // closed: the new owner can share again). The store has no write spanning both steps: should
  // this one fail, the error reaches the caller, and repeating the transfer removes the shares.
  const removedShares = await manualShareIds(ctx, [{ object: objectName, id }]);
  if (removedShares.length > 0)
    await ctx.store.deleteRecords(removedShares.map((shareId) => ({ object: "recordShare", id: shareId })));
  return { record: (await presentRecords(ctx, object, [next]))[0] as JsonObject, removedShares };
};
