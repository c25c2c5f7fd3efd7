import { describe, expect, it } from "vitest";
import type { AutomationLogEntry, OutboxEmail } from "../../../../engine/src/store/work-types.js";
import { type StoreFactory, useStoreFixture } from "./store-fixture.js";
import { aLogEntry, anEmail, at, ids, ODD_KEYS } from "./work-builders.js";

export const describeOutboxAndLog = (createStore: StoreFactory): void => {
  describe("e-mail outbox", () => {
    const fx = useStoreFixture(createStore);

    it("gives back every member as added and leaves absent members absent", async () => {
      const full: OutboxEmail = {
        id: "e1",
        at: at(1),
        to: "ann@example.com",
        subject: "Grüße 🍵",
        html: "<p>Hi</p>",
        text: "Hi",
        status: "failed",
        attempts: 3,
        lastError: "550 mailbox unavailable",
        sentAt: at(2),
        source: { automation: "notifyOwner", object: "invoice", recordId: "i1", odd: ODD_KEYS },
      };
      await fx.acme.addEmails([full, anEmail("e2")]);
      expect(await fx.acme.getEmail("e1")).toStrictEqual(full);
      expect(await fx.acme.getEmail("e2")).toStrictEqual(anEmail("e2"));
      expect(await fx.acme.getEmail("nope")).toBeUndefined();
    });

    it("skips an e-mail whose id exists, keeping the first", async () => {
      await fx.acme.addEmails([anEmail("e1", { subject: "first" })]);
      await fx.acme.addEmails([anEmail("e1", { subject: "again", status: "held" }), anEmail("e2")]);
      expect(await fx.acme.listEmails({ limit: 10 })).toStrictEqual([
        anEmail("e2"),
        anEmail("e1", { subject: "first" }),
      ]);
    });

    it("lists newest first by id, of one status when given, strictly before `before`, up to the limit", async () => {
      await fx.acme.addEmails([
        anEmail("e1", { status: "sent" }),
        anEmail("e3", { status: "held" }),
        anEmail("e2", { status: "queued" }),
        anEmail("e4", { status: "queued" }),
        anEmail("e5", { status: "queued" }),
      ]);
      expect(ids(await fx.acme.listEmails({ limit: 10 }))).toEqual(["e5", "e4", "e3", "e2", "e1"]);
      expect(ids(await fx.acme.listEmails({ limit: 2 }))).toEqual(["e5", "e4"]);
      expect(ids(await fx.acme.listEmails({ limit: 10, before: "e4" }))).toEqual(["e3", "e2", "e1"]);
      expect(ids(await fx.acme.listEmails({ limit: 10, status: "queued" }))).toEqual(["e5", "e4", "e2"]);
      expect(ids(await fx.acme.listEmails({ limit: 1, status: "queued", before: "e5" }))).toEqual(["e4"]);
      expect(await fx.acme.listEmails({ limit: 10, status: "failed" })).toEqual([]);
      expect(await fx.acme.listEmails({ limit: 0 })).toEqual([]);
      await expect(fx.acme.listEmails({ limit: -1 })).rejects.toThrow(RangeError);
    });

    it("replaces the delivery state, clearing an error or sent time the new state has not", async () => {
      await fx.acme.addEmails([anEmail("e1"), anEmail("e2")]);
      expect(await fx.acme.updateEmail("e1", { status: "queued", attempts: 1, lastError: "timeout" })).toBe(
        true,
      );
      expect(await fx.acme.getEmail("e1")).toStrictEqual(
        anEmail("e1", { attempts: 1, lastError: "timeout" }),
      );
      expect(await fx.acme.updateEmail("e1", { status: "sent", attempts: 2, sentAt: at(5) })).toBe(true);
      expect(await fx.acme.getEmail("e1")).toStrictEqual(
        anEmail("e1", { status: "sent", attempts: 2, sentAt: at(5) }),
      );
      expect(ids(await fx.acme.listEmails({ limit: 10, status: "sent" }))).toEqual(["e1"]);
      expect(await fx.acme.getEmail("e2")).toStrictEqual(anEmail("e2"));
    });

    it("answers false for an e-mail that does not exist, adding none", async () => {
      expect(await fx.acme.updateEmail("nope", { status: "sent", attempts: 1 })).toBe(false);
      expect(await fx.acme.getEmail("nope")).toBeUndefined();
      expect(await fx.acme.listEmails({ limit: 10 })).toEqual([]);
    });
  });

  describe("automation log", () => {
    const fx = useStoreFixture(createStore);

    it("gives back every member as appended and leaves absent members absent", async () => {
      const full: AutomationLogEntry = {
        id: "l1",
        at: at(1),
        kind: "webhook",
        name: "erpSync",
        object: "invoice",
        recordId: "i1",
        status: "retry",
        message: "HTTP 503",
        details: ODD_KEYS,
      };
      await fx.acme.appendLog(full);
      await fx.acme.appendLog(aLogEntry("l2"));
      expect(await fx.acme.listLog({ limit: 10 })).toStrictEqual([aLogEntry("l2"), full]);
    });

    it("lists newest first by id, of one kind when given, strictly before `before`, up to the limit", async () => {
      for (const entry of [
        aLogEntry("l3", "email"),
        aLogEntry("l1", "automation"),
        aLogEntry("l4", "automation"),
        aLogEntry("l2", "approval"),
        aLogEntry("l5", "automation"),
      ])
        await fx.acme.appendLog(entry);
      expect(ids(await fx.acme.listLog({ limit: 10 }))).toEqual(["l5", "l4", "l3", "l2", "l1"]);
      expect(ids(await fx.acme.listLog({ limit: 2 }))).toEqual(["l5", "l4"]);
      expect(ids(await fx.acme.listLog({ limit: 10, before: "l3" }))).toEqual(["l2", "l1"]);
      expect(ids(await fx.acme.listLog({ limit: 10, kind: "automation" }))).toEqual(["l5", "l4", "l1"]);
      expect(ids(await fx.acme.listLog({ limit: 10, kind: "automation", before: "l4" }))).toEqual(["l1"]);
      expect(await fx.acme.listLog({ limit: 10, kind: "notification" })).toEqual([]);
      expect(await fx.acme.listLog({ limit: 0 })).toEqual([]);
      await expect(fx.acme.listLog({ limit: 1.5 })).rejects.toThrow(RangeError);
    });

    it("skips an entry whose id exists, keeping the first", async () => {
      await fx.acme.appendLog(aLogEntry("l1", "webhook", { message: "first" }));
      await fx.acme.appendLog(aLogEntry("l1", "email", { message: "again" }));
      expect(await fx.acme.listLog({ limit: 10 })).toStrictEqual([
        aLogEntry("l1", "webhook", { message: "first" }),
      ]);
    });
  });

  describe("settings", () => {
    const fx = useStoreFixture(createStore);

    it("answers undefined for a setting never put", async () => {
      expect(await fx.acme.getSetting("webhooks.allowList")).toBeUndefined();
    });

    it("gives back the JSON value put, and the last one put", async () => {
      await fx.acme.putSetting("webhooks.allowList", ["erp.example.com", "*.acme.test"]);
      await fx.acme.putSetting("webhooks.signing", { secret: "s1", ...ODD_KEYS });
      expect(await fx.acme.getSetting("webhooks.allowList")).toEqual(["erp.example.com", "*.acme.test"]);
      expect(await fx.acme.getSetting("webhooks.signing")).toStrictEqual({ secret: "s1", ...ODD_KEYS });
      await fx.acme.putSetting("webhooks.allowList", []);
      expect(await fx.acme.getSetting("webhooks.allowList")).toEqual([]);
    });

    it("keeps scalar values and null, which is not the same as no setting", async () => {
      await fx.acme.putSetting("a", null);
      await fx.acme.putSetting("b", 0);
      await fx.acme.putSetting("c", "");
      await fx.acme.putSetting("d", false);
      expect(await fx.acme.getSetting("a")).toBeNull();
      expect(await fx.acme.getSetting("b")).toBe(0);
      expect(await fx.acme.getSetting("c")).toBe("");
      expect(await fx.acme.getSetting("d")).toBe(false);
    });

    it("keeps each tenant's settings apart", async () => {
      await fx.store.createTenant("globex");
      const globex = await fx.store.tenant("globex");
      await fx.acme.putSetting("k", "acme");
      expect(await globex.getSetting("k")).toBeUndefined();
      await globex.putSetting("k", "globex");
      expect(await fx.acme.getSetting("k")).toBe("acme");
    });
  });
};
