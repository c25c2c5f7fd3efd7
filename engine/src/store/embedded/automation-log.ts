import { checkedLimit } from "../list-limit.js";
import type { AutomationLogEntry, LogQuery } from "../work-types.js";
import type { TenantDatabase } from "./tenant-database.js";

/** An entry whose id exists is skipped: a retried job logs its outcome once. */
export const appendLog = (tdb: TenantDatabase, entry: AutomationLogEntry): void => {
  tdb
    .statement("INSERT INTO automation_log (id, kind, body) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")
    .run(entry.id, entry.kind, JSON.stringify(entry));
};

export const listLog = (tdb: TenantDatabase, query: LogQuery): AutomationLogEntry[] => {
  const conditions: string[] = [];
  const parameters: Array<string | number> = [];
  if (query.kind !== undefined) {
    conditions.push("kind = ?");
    parameters.push(query.kind);
  }
  if (query.before !== undefined) {
    conditions.push("id < ?");
    parameters.push(query.before);
  }
  const where = conditions.length === 0 ? "" : `WHERE ${conditions.join(" AND ")} `;
  const rows = tdb
    .statement(`SELECT body FROM automation_log ${where}ORDER BY id DESC LIMIT ?`)
    .all(...parameters, checkedLimit(query.limit, "Log")) as Array<{ body: string }>;
  return rows.map((row) => JSON.parse(row.body) as AutomationLogEntry);
};
