import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../../../../engine/src/store/store-port.js";
import { expectStoreError, type StoreFactory, useStoreFixture } from "./store-fixture.js";

/** An event of `type` at `at` with nothing optional. */
const anEvent = (id: string, at: string, type = "login.succeeded"): AuditEvent => ({ id, at, type });

const ids = (events: readonly AuditEvent[]): string[] => events.map((e) => e.id);

export const describeAudit = (createStore: StoreFactory): void => {
  describe("audit log", () => {
    const fx = useStoreFixture(createStore);

    it("gives back every member of an event as appended, and leaves absent members absent", async () => {
      const full: AuditEvent = {
        id: "e1",
        at: "2025-01-01T10:00:00.000Z",
        type: "metadata.published",
        actorId: "u1",
        actorName: "admin",
        ip: "192.0.2.1",
        target: { object: "metadata", id: "7", name: "version 7" },
        details: { version: 7, security: [{ kind: "profile", name: "sales" }], "$odd.key": null },
      };
      const bare = anEvent("e2", "2025-01-01T11:00:00.000Z", "logout");
      await fx.acme.appendAudit(full);
      await fx.acme.appendAudit(bare);
      expect(await fx.acme.listAudit({})).toStrictEqual([bare, full]);
    });

    it("lists newest first by time, then by id among events of the same instant", async () => {
      await fx.acme.appendAudit(anEvent("b", "2025-01-01T10:00:00.000Z"));
      await fx.acme.appendAudit(anEvent("a", "2025-01-01T12:00:00.000Z"));
      await fx.acme.appendAudit(anEvent("c", "2025-01-01T10:00:00.000Z"));
      await fx.acme.appendAudit(anEvent("d", "2025-01-01T09:00:00.000Z"));
      expect(ids(await fx.acme.listAudit({}))).toEqual(["a", "c", "b", "d"]);
    });

    it("returns at most `limit` events, 50 when no limit is given", async () => {
      for (let i = 0; i < 55; i += 1)
        await fx.acme.appendAudit(
          anEvent(`e${String(i).padStart(2, "0")}`, `2025-01-01T10:00:${String(i).padStart(2, "0")}.000Z`),
        );
      expect(ids(await fx.acme.listAudit({ limit: 3 }))).toEqual(["e54", "e53", "e52"]);
      expect(await fx.acme.listAudit({})).toHaveLength(50);
      expect(await fx.acme.listAudit({ limit: 0 })).toEqual([]);
    });

    it("continues strictly after the `before` event, also across events of the same instant", async () => {
      await fx.acme.appendAudit(anEvent("a", "2025-01-01T12:00:00.000Z"));
      await fx.acme.appendAudit(anEvent("b", "2025-01-01T10:00:00.000Z"));
      await fx.acme.appendAudit(anEvent("c", "2025-01-01T10:00:00.000Z"));
      await fx.acme.appendAudit(anEvent("d", "2025-01-01T09:00:00.000Z"));
      expect(ids(await fx.acme.listAudit({ before: "a", limit: 2 }))).toEqual(["c", "b"]);
      expect(ids(await fx.acme.listAudit({ before: "c" }))).toEqual(["b", "d"]);
      expect(ids(await fx.acme.listAudit({ before: "d" }))).toEqual([]);
    });

    it("answers a cursor no event has with no events", async () => {
      await fx.acme.appendAudit(anEvent("a", "2025-01-01T12:00:00.000Z"));
      expect(await fx.acme.listAudit({ before: "zzz" })).toEqual([]);
      expect(await fx.acme.listAudit({ before: "" })).toEqual([]);
    });

    it("lists only events of `type`, combined with the cursor", async () => {
      await fx.acme.appendAudit(anEvent("a", "2025-01-01T12:00:00.000Z", "login.failed"));
      await fx.acme.appendAudit(anEvent("b", "2025-01-01T11:00:00.000Z", "logout"));
      await fx.acme.appendAudit(anEvent("c", "2025-01-01T10:00:00.000Z", "login.failed"));
      await fx.acme.appendAudit(anEvent("d", "2025-01-01T09:00:00.000Z", "login.failed"));
      expect(ids(await fx.acme.listAudit({ type: "login.failed" }))).toEqual(["a", "c", "d"]);
      expect(ids(await fx.acme.listAudit({ type: "login.failed", before: "a", limit: 1 }))).toEqual(["c"]);
      expect(ids(await fx.acme.listAudit({ type: "login.failed", before: "b" }))).toEqual(["c", "d"]);
      expect(await fx.acme.listAudit({ type: "login" })).toEqual([]);
    });

    it("refuses a second event with the same id and keeps the first", async () => {
      await fx.acme.appendAudit(anEvent("a", "2025-01-01T12:00:00.000Z", "login.failed"));
      await expectStoreError(
        fx.acme.appendAudit(anEvent("a", "2025-01-02T12:00:00.000Z", "logout")),
        "duplicateId",
      );
      expect(await fx.acme.listAudit({})).toEqual([anEvent("a", "2025-01-01T12:00:00.000Z", "login.failed")]);
    });

    it("refuses a negative or fractional limit", async () => {
      await expect(fx.acme.listAudit({ limit: -1 })).rejects.toThrow(RangeError);
      await expect(fx.acme.listAudit({ limit: 1.5 })).rejects.toThrow(RangeError);
    });

    it("keeps each tenant's events apart", async () => {
      await fx.store.createTenant("globex");
      const globex = await fx.store.tenant("globex");
      await fx.acme.appendAudit(anEvent("a", "2025-01-01T12:00:00.000Z"));
      await globex.appendAudit(anEvent("g", "2025-01-01T12:00:00.000Z"));
      expect(ids(await fx.acme.listAudit({}))).toEqual(["a"]);
      expect(ids(await globex.listAudit({}))).toEqual(["g"]);
      expect(await globex.listAudit({ before: "a" })).toEqual([]);
    });
  });
};
