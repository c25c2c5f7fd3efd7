import { checkedLimit } from "../list-limit.js";
import type { WorkItem } from "../work-types.js";
import type { WrittenRecord } from "../written-record.js";
import type { TenantDatabase } from "./tenant-database.js";

interface WorkItemRow {
  object: string;
  record_id: string;
  user_id: string;
  step: string;
  request_id: string;
  since: string;
}

const COLUMNS = "object, record_id, user_id, step, request_id, since";

const workItemOf = (row: WorkItemRow): WorkItem => ({
  object: row.object,
  recordId: row.record_id,
  userId: row.user_id,
  requestId: row.request_id,
  step: row.step,
  since: row.since,
});

/** Removes every work item of a record, inside the caller's write. */
export const removeWorkItemsIn = (tdb: TenantDatabase, object: string, recordId: string): void => {
  tdb.statement("DELETE FROM work_items WHERE object = ? AND record_id = ?").run(object, recordId);
};

/** Replaces every work item of `written` with `items` (which name it), inside the caller's write. */
export const replaceWorkItemsIn = (
  tdb: TenantDatabase,
  written: WrittenRecord,
  items: readonly WorkItem[],
): void => {
  removeWorkItemsIn(tdb, written.object, written.recordId);
  const insert = tdb.statement(
    `INSERT INTO work_items (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (object, record_id, user_id, step) DO UPDATE SET request_id = excluded.request_id, since = excluded.since`,
  );
  for (const item of items) {
    insert.run(written.object, written.recordId, item.userId, item.step, item.requestId, item.since);
  }
};

export const listWorkItems = (tdb: TenantDatabase, userId: string, options: { limit: number }): WorkItem[] =>
  (
    tdb
      .statement(
        `SELECT ${COLUMNS} FROM work_items WHERE user_id = ? ORDER BY since, object, record_id, step LIMIT ?`,
      )
      .all(userId, checkedLimit(options.limit, "Work item")) as WorkItemRow[]
  ).map(workItemOf);

export const workItemsOf = (tdb: TenantDatabase, object: string, recordId: string): WorkItem[] =>
  (
    tdb
      .statement(
        `SELECT ${COLUMNS} FROM work_items WHERE object = ? AND record_id = ? ORDER BY since, user_id, step`,
      )
      .all(object, recordId) as WorkItemRow[]
  ).map(workItemOf);
