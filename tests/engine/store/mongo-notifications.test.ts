import { Query, updateMany } from "mingo";
import { describe, expect, it } from "vitest";
import {
  NOTIFICATION_SORT,
  notificationFromDocument,
  notificationSelection,
  notificationToDocument,
  unreadSelection,
} from "../../../engine/src/store/mongo/notifications.js";
import type { NotificationDocument } from "../../../engine/src/store/mongo/tenant-collections.js";
import type { Notification } from "../../../engine/src/store/work-types.js";

// The conformance suite's notification cases, answered by mingo over the documents the adapter stores.

const AT = "2025-01-01T10:00:00.000Z";
const READ = "2025-01-01T11:00:00.000Z";

const aNotification = (id: string, userId: string, extra: Partial<Notification> = {}): Notification => ({
  id,
  userId,
  at: AT,
  title: `Title ${id}`,
  body: `Body ${id}`,
  ...extra,
});

/** n1..n5 of ann (n2 read already), m1 of bob. */
const someDocuments = (): NotificationDocument[] =>
  [
    aNotification("n1", "ann"),
    aNotification("n3", "ann"),
    aNotification("m1", "bob"),
    aNotification("n2", "ann", { readAt: READ }),
    aNotification("n5", "ann"),
    aNotification("n4", "ann"),
  ].map(notificationToDocument);

const list = (
  documents: NotificationDocument[],
  userId: string,
  query: { before?: string; unreadOnly?: boolean },
  limit = 50,
): string[] =>
  new Query(notificationSelection(userId, query) as Record<string, unknown>)
    .find<NotificationDocument>(documents)
    .sort(NOTIFICATION_SORT)
    .limit(limit)
    .all()
    .map((d) => d._id);

describe("MongoDB notification queries", () => {
  it("list one user's notifications newest first by id", () => {
    expect(list(someDocuments(), "ann", {})).toEqual(["n5", "n4", "n3", "n2", "n1"]);
    expect(list(someDocuments(), "ann", {}, 2)).toEqual(["n5", "n4"]);
    expect(list(someDocuments(), "bob", {})).toEqual(["m1"]);
  });

  it("continue strictly before the cursor, and list only unread ones when asked", () => {
    expect(list(someDocuments(), "ann", { before: "n4" }, 2)).toEqual(["n3", "n2"]);
    expect(list(someDocuments(), "ann", { unreadOnly: true })).toEqual(["n5", "n4", "n3", "n1"]);
    expect(list(someDocuments(), "ann", { before: "n3", unreadOnly: true })).toEqual(["n1"]);
    expect(list(someDocuments(), "ann", { unreadOnly: false })).toHaveLength(5);
  });

  it("mark only unread notifications of the user, never another user's", () => {
    const documents = someDocuments();
    const result = updateMany(
      documents,
      unreadSelection("ann", ["n1", "n2", "m1", "nope"]) as Record<string, unknown>,
      {
        $set: { readAt: "2025-01-02T00:00:00.000Z" },
      },
    );
    expect(result.modifiedCount).toBe(1);
    const readAt = Object.fromEntries(documents.map((d) => [d._id, d.readAt]));
    expect(readAt).toEqual({
      n1: "2025-01-02T00:00:00.000Z",
      n2: READ,
      n3: undefined,
      n4: undefined,
      n5: undefined,
      m1: undefined,
    });
  });

  it("mark every unread notification of the user when no ids are given", () => {
    const documents = someDocuments();
    const result = updateMany(documents, unreadSelection("ann", undefined) as Record<string, unknown>, {
      $set: { readAt: "2025-01-02T00:00:00.000Z" },
    });
    expect(result.modifiedCount).toBe(4);
    expect(
      new Query(unreadSelection("bob", undefined) as Record<string, unknown>).find(documents).all(),
    ).toHaveLength(1);
  });

  it("compare ids and users that look like operators as values", () => {
    expect(notificationSelection("$where", { before: "$gt" })).toEqual({
      userId: { $eq: "$where" },
      _id: { $lt: "$gt" },
    });
    expect(() => unreadSelection("ann", [{ $ne: "" } as unknown as string])).toThrow(TypeError);
  });
});

describe("MongoDB notification documents", () => {
  it("read back equal, leaving absent members absent", () => {
    const full = aNotification("n1", "ann", { object: "invoice", recordId: "i1", readAt: READ });
    expect(notificationToDocument(full)).toStrictEqual({
      _id: "n1",
      userId: "ann",
      at: AT,
      title: "Title n1",
      body: "Body n1",
      object: "invoice",
      recordId: "i1",
      readAt: READ,
    });
    expect(notificationFromDocument(notificationToDocument(full))).toStrictEqual(full);
    const bare = aNotification("n2", "ann");
    expect(notificationFromDocument(notificationToDocument(bare))).toStrictEqual(bare);
  });
});
