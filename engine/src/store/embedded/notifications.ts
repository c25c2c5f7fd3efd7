import { checkedLimit } from "../list-limit.js";
import type { Notification, NotificationQuery } from "../work-types.js";
import type { TenantDatabase } from "./tenant-database.js";

/** `body` is the notification without `readAt`, which has a column of its own: it changes. */
interface NotificationRow {
  body: string;
  read_at: string | null;
}

const notificationOf = (row: NotificationRow): Notification => ({
  ...(JSON.parse(row.body) as Omit<Notification, "readAt">),
  ...(row.read_at !== null && { readAt: row.read_at }),
});

export const addNotifications = (tdb: TenantDatabase, notifications: readonly Notification[]): void => {
  const insert = tdb.statement(
    "INSERT INTO notifications (id, user_id, read_at, body) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
  );
  tdb.write(() => {
    for (const { readAt, ...rest } of notifications) {
      insert.run(rest.id, rest.userId, readAt ?? null, JSON.stringify(rest));
    }
  });
};

export const listNotifications = (
  tdb: TenantDatabase,
  userId: string,
  query: NotificationQuery,
): Notification[] => {
  const conditions = ["user_id = ?"];
  const parameters: Array<string | number> = [userId];
  if (query.before !== undefined) {
    conditions.push("id < ?");
    parameters.push(query.before);
  }
  if (query.unreadOnly === true) conditions.push("read_at IS NULL");
  const rows = tdb
    .statement(
      `SELECT body, read_at FROM notifications WHERE ${conditions.join(" AND ")} ORDER BY id DESC LIMIT ?`,
    )
    .all(...parameters, checkedLimit(query.limit, "Notification")) as NotificationRow[];
  return rows.map(notificationOf);
};

export const countUnreadNotifications = (tdb: TenantDatabase, userId: string): number =>
  (
    tdb
      .statement("SELECT count(*) AS count FROM notifications WHERE user_id = ? AND read_at IS NULL")
      .get(userId) as { count: number }
  ).count;

/** Only unread notifications of `userId` change: an id of another user's is passed over. */
export const markNotificationsRead = (
  tdb: TenantDatabase,
  userId: string,
  at: string,
  ids: readonly string[] | undefined,
): number =>
  ids === undefined
    ? tdb
        .statement("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
        .run(at, userId).changes
    : tdb
        .statement(
          `UPDATE notifications SET read_at = ?
WHERE user_id = ? AND read_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
        )
        .run(at, userId, JSON.stringify(ids)).changes;
