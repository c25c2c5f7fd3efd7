import { EngineError } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import type { StoredRecord } from "../store/store-port.js";
import { pendingRequestOf } from "./approval-state.js";

/**
 * Refuses (423) a change of a record locked by a pending approval, unless the user is one of the
 * current step's approvers or an administrator (modify all data). Deleting needs the administrator.
 */
export const checkNotLocked = (
  ctx: RecordContext,
  record: StoredRecord,
  operation: "edit" | "delete",
): void => {
  const request = pendingRequestOf(record);
  if (request === undefined || !request.locked) return;
  if (ctx.access.system.modifyAllData) return;
  if (operation === "edit" && request.approvers.includes(ctx.actor.userId)) return;
  throw new EngineError(423, "record.locked", "The record is locked while it waits for approval", [
    {
      path: "",
      code: "record.locked",
      message:
        operation === "edit"
          ? "Only its approvers and administrators may change it until the request is decided or recalled."
          : "Only administrators may delete it until the request is decided or recalled.",
    },
  ]);
};
