import type { JsonObject } from "@tessera/metadata";
import type { Request, Response } from "express";
import type { RecordContext } from "../../records/record-context.js";
import type { OwnershipTransfer } from "../../records/record-sharing.js";
import type { StoredRecord } from "../../store/store-port.js";
import { auditAfterChange, scopeOf } from "../audit-request.js";

// Sharing and ownership changes are made by records/record-sharing.ts; these wrap its calls in the
// record routes (`/:object/:id/shares...`, `/:object/:id/owner`) and audit what they changed.

const recordOf = (req: Request) => ({ object: String(req.params.object), id: String(req.params.id) });

/** Who a share grants what, from the stored share (ids, not display names). */
const shareDetails = (share: StoredRecord): JsonObject => ({
  shareId: share.id,
  ...(typeof share.sharedWithUser === "string" && { user: share.sharedWithUser }),
  ...(typeof share.sharedWithGroup === "string" && { group: share.sharedWithGroup }),
  access: share.access ?? null,
});

/** Runs a share of the route's record and audits `record.shared`. */
export const auditedShare = async (
  req: Request,
  res: Response,
  ctx: RecordContext,
  share: () => Promise<JsonObject>,
): Promise<JsonObject> => {
  const created = await share();
  const stored = await ctx.store.getRecord("recordShare", String(created.id));
  await auditAfterChange(res, scopeOf(req, ctx), {
    type: "record.shared",
    target: recordOf(req),
    details: stored === undefined ? { shareId: String(created.id) } : shareDetails(stored),
  });
  return created;
};

/** Runs the removal of the route's share (`:shareId`) and audits `record.unshared`. */
export const auditedUnshare = async (
  req: Request,
  res: Response,
  ctx: RecordContext,
  unshare: () => Promise<void>,
): Promise<void> => {
  const shareId = String(req.params.shareId);
  // Read first: once removed, the share no longer says whom it granted what.
  const before = await ctx.store.getRecord("recordShare", shareId);
  await unshare();
  await auditAfterChange(res, scopeOf(req, ctx), {
    type: "record.unshared",
    target: recordOf(req),
    details: before === undefined ? { shareId } : shareDetails(before),
  });
};

/**
 * Runs an ownership transfer of the route's record and audits `record.ownerChanged`, naming the
 * manual shares the transfer removed.
 */
export const auditedOwnerChange = async (
  req: Request,
  res: Response,
  ctx: RecordContext,
  transfer: () => Promise<OwnershipTransfer>,
): Promise<JsonObject> => {
  const { record, removedShares } = await transfer();
  const { object, id } = recordOf(req);
  // The transfer wrote the old owner into the record's history, in the same write as the change.
  const entry = (await ctx.store.history(object, id, { limit: 20 })).find(
    (e) => e.field === "ownerId" && e.version === record.version,
  );
  await auditAfterChange(res, scopeOf(req, ctx), {
    type: "record.ownerChanged",
    target: { object, id },
    details: {
      from: entry?.oldValue ?? null,
      to: record.ownerId ?? entry?.newValue ?? null,
      ...(removedShares.length > 0 && { removedShares }),
    },
  });
  return record;
};
