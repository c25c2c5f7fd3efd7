import { describe, expect, it } from "vitest";
import type { Notification } from "../../../../engine/src/store/work-types.js";
import { type StoreFactory, useStoreFixture } from "./store-fixture.js";
import { aNotification, at, ids } from "./work-builders.js";

export const describeNotifications = (createStore: StoreFactory): void => {
  describe("notifications", () => {
    const fx = useStoreFixture(createStore);
    /** n1..n5 of ann (n2 read already), m1 of bob. */
    const addSome = () =>
      fx.acme.addNotifications([
        aNotification("n1", "ann"),
        aNotification("n3", "ann"),
        aNotification("m1", "bob"),
        aNotification("n2", "ann", { readAt: at(1) }),
        aNotification("n5", "ann"),
        aNotification("n4", "ann"),
      ]);

    it("gives back every member as added and leaves absent members absent", async () => {
      const full: Notification = {
        id: "n2",
        userId: "ann",
        at: at(3),
        title: "Approval needed",
        body: "Invoice INV-1 waits for you",
        object: "invoice",
        recordId: "i1",
        readAt: at(4),
      };
      const bare = aNotification("n1", "ann");
      await fx.acme.addNotifications([bare, full]);
      expect(await fx.acme.listNotifications("ann", { limit: 10 })).toStrictEqual([full, bare]);
    });

    it("lists one user's notifications newest first by id, up to the limit", async () => {
      await addSome();
      expect(ids(await fx.acme.listNotifications("ann", { limit: 10 }))).toEqual([
        "n5",
        "n4",
        "n3",
        "n2",
        "n1",
      ]);
      expect(ids(await fx.acme.listNotifications("ann", { limit: 2 }))).toEqual(["n5", "n4"]);
      expect(ids(await fx.acme.listNotifications("bob", { limit: 10 }))).toEqual(["m1"]);
      expect(await fx.acme.listNotifications("carl", { limit: 10 })).toEqual([]);
      expect(await fx.acme.listNotifications("ann", { limit: 0 })).toEqual([]);
    });

    it("continues strictly before the `before` id, and lists only unread ones when asked", async () => {
      await addSome();
      expect(ids(await fx.acme.listNotifications("ann", { limit: 2, before: "n4" }))).toEqual(["n3", "n2"]);
      expect(ids(await fx.acme.listNotifications("ann", { limit: 10, before: "n1" }))).toEqual([]);
      expect(ids(await fx.acme.listNotifications("ann", { limit: 10, unreadOnly: true }))).toEqual([
        "n5",
        "n4",
        "n3",
        "n1",
      ]);
      expect(
        ids(await fx.acme.listNotifications("ann", { limit: 10, before: "n3", unreadOnly: true })),
      ).toEqual(["n1"]);
      expect(ids(await fx.acme.listNotifications("ann", { limit: 10, unreadOnly: false }))).toHaveLength(5);
    });

    it("skips a notification whose id exists, keeping the first", async () => {
      await fx.acme.addNotifications([aNotification("n1", "ann", { title: "first" })]);
      await fx.acme.addNotifications([
        aNotification("n1", "ann", { title: "again" }),
        aNotification("n2", "ann"),
        aNotification("n2", "ann", { title: "twice in one call" }),
      ]);
      expect(await fx.acme.listNotifications("ann", { limit: 10 })).toStrictEqual([
        aNotification("n2", "ann"),
        aNotification("n1", "ann", { title: "first" }),
      ]);
      await fx.acme.addNotifications([]);
      expect(await fx.acme.countUnreadNotifications("ann")).toBe(2);
    });

    it("counts one user's unread notifications", async () => {
      await addSome();
      expect(await fx.acme.countUnreadNotifications("ann")).toBe(4);
      expect(await fx.acme.countUnreadNotifications("bob")).toBe(1);
      expect(await fx.acme.countUnreadNotifications("carl")).toBe(0);
    });

    it("marks every unread notification of the user read, answering how many changed", async () => {
      await addSome();
      expect(await fx.acme.markNotificationsRead("ann", at(9))).toBe(4);
      expect(await fx.acme.countUnreadNotifications("ann")).toBe(0);
      const listed = await fx.acme.listNotifications("ann", { limit: 10 });
      expect(listed.map((n) => n.readAt)).toEqual([at(9), at(9), at(9), at(1), at(9)]);
      expect(await fx.acme.markNotificationsRead("ann", at(10))).toBe(0);
      expect((await fx.acme.listNotifications("ann", { limit: 1 }))[0]?.readAt).toBe(at(9));
      expect(await fx.acme.countUnreadNotifications("bob")).toBe(1);
    });

    it("marks only the listed unread ones, never another user's", async () => {
      await addSome();
      expect(await fx.acme.markNotificationsRead("ann", at(9), ["n1", "n2", "m1", "nope"])).toBe(1);
      expect(await fx.acme.countUnreadNotifications("ann")).toBe(3);
      expect(await fx.acme.listNotifications("bob", { limit: 10 })).toStrictEqual([
        aNotification("m1", "bob"),
      ]);
      const [n2, n1] = (await fx.acme.listNotifications("ann", { limit: 10 })).slice(3);
      expect([n2?.readAt, n1?.readAt]).toEqual([at(1), at(9)]);
      expect(await fx.acme.markNotificationsRead("bob", at(9), ["n5"])).toBe(0);
      expect(await fx.acme.countUnreadNotifications("ann")).toBe(3);
      expect(await fx.acme.markNotificationsRead("ann", at(9), [])).toBe(0);
      expect(await fx.acme.countUnreadNotifications("ann")).toBe(3);
    });

    it("refuses a negative limit", async () => {
      await expect(fx.acme.listNotifications("ann", { limit: -1 })).rejects.toThrow(RangeError);
    });

    it("keeps each tenant's notifications apart", async () => {
      await fx.store.createTenant("globex");
      const globex = await fx.store.tenant("globex");
      await addSome();
      expect(await globex.listNotifications("ann", { limit: 10 })).toEqual([]);
      expect(await globex.markNotificationsRead("ann", at(9))).toBe(0);
      expect(await fx.acme.countUnreadNotifications("ann")).toBe(4);
    });
  });
};
