import type { Filter } from "mongodb";
import { checkedLimit } from "../list-limit.js";
import type { Notification, NotificationQuery } from "../work-types.js";
import type { AtomicWrites } from "./atomic-writes.js";
import { expectString } from "./expect-string.js";
import { insertUnlessExists } from "./insert-unless-exists.js";
import type { NotificationDocument, TenantCollections } from "./tenant-collections.js";

/** Newest first: ids are ULIDs, so later notifications have greater ids. */
export const NOTIFICATION_SORT = { _id: -1 } as const;

export const notificationToDocument = (notification: Notification): NotificationDocument => ({
  _id: expectString(notification.id, "Notification id"),
  userId: expectString(notification.userId, "User id"),
  at: notification.at,
  title: notification.title,
  body: notification.body,
  ...(notification.object !== undefined && { object: notification.object }),
  ...(notification.recordId !== undefined && { recordId: notification.recordId }),
  ...(notification.readAt !== undefined && { readAt: notification.readAt }),
});

export const notificationFromDocument = (document: NotificationDocument): Notification => ({
  id: document._id,
  userId: document.userId,
  at: document.at,
  title: document.title,
  body: document.body,
  ...(document.object !== undefined && { object: document.object }),
  ...(document.recordId !== undefined && { recordId: document.recordId }),
  ...(document.readAt !== undefined && { readAt: document.readAt }),
});

/** Unread: `readAt` absent (it is never null). */
const UNREAD = { readAt: { $exists: false } } as const;

export const notificationSelection = (
  userId: string,
  query: Pick<NotificationQuery, "before" | "unreadOnly">,
): Filter<NotificationDocument> => ({
  userId: { $eq: expectString(userId, "User id") },
  ...(query.before !== undefined && { _id: { $lt: expectString(query.before, "Cursor") } }),
  ...(query.unreadOnly === true && UNREAD),
});

/** Unread notifications of `userId` only, so an id of another user's is never touched. */
export const unreadSelection = (
  userId: string,
  ids: readonly string[] | undefined,
): Filter<NotificationDocument> => ({
  userId: { $eq: expectString(userId, "User id") },
  ...UNREAD,
  ...(ids !== undefined && { _id: { $in: ids.map((id) => expectString(id, "Notification id")) } }),
});

export const addNotifications = async (
  collections: TenantCollections,
  atomic: AtomicWrites,
  notifications: readonly Notification[],
): Promise<void> => {
  if (notifications.length === 0) return;
  const operations = notifications.map((n) => insertUnlessExists(notificationToDocument(n)));
  await atomic(async (session) => {
    await collections.notifications.bulkWrite(operations, { session, ordered: true });
  });
};

export const listNotifications = async (
  collections: TenantCollections,
  userId: string,
  query: NotificationQuery,
): Promise<Notification[]> => {
  const limit = checkedLimit(query.limit, "Notification");
  // A limit of 0 means "no limit" to MongoDB.
  if (limit === 0) return [];
  const documents = await collections.notifications
    .find(notificationSelection(userId, query), { sort: NOTIFICATION_SORT, limit })
    .toArray();
  return documents.map(notificationFromDocument);
};

export const countUnreadNotifications = (collections: TenantCollections, userId: string): Promise<number> =>
  collections.notifications.countDocuments(unreadSelection(userId, undefined));

export const markNotificationsRead = async (
  collections: TenantCollections,
  userId: string,
  at: string,
  ids: readonly string[] | undefined,
): Promise<number> => {
  if (ids !== undefined && ids.length === 0) return 0;
  const result = await collections.notifications.updateMany(unreadSelection(userId, ids), {
    $set: { readAt: expectString(at, "Read instant") },
  });
  return result.modifiedCount;
};
