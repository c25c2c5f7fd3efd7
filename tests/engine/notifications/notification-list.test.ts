import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscountOrg } from "../approvals/discount-fixture.js";
import { expectProblem } from "../support/problem-assertions.js";
import { buildPingedOrg, type Json, notificationsOf } from "./notification-fixture.js";

const NAMES = ["N1", "N2", "N3", "N4", "N5"];

let org: DiscountOrg;
beforeAll(async () => {
  org = await buildPingedOrg(NAMES);
}, 60_000);
afterAll(async () => org?.close());

const titles = (notifications: Json[]) => notifications.map((n) => n.title);

describe("listing one's notifications", () => {
  it("lists them newest first, unread, about their record", async () => {
    const page = await notificationsOf(org.finance.client);
    expect(titles(page.notifications)).toEqual(["Ping N5", "Ping N4", "Ping N3", "Ping N2", "Ping N1"]);
    const ids = page.notifications.map((n) => String(n.id));
    expect(ids).toEqual([...ids].sort().reverse());
    expect(page).toMatchObject({ unread: 5, nextCursor: null });
    expect(page.notifications[0]).toMatchObject({
      userId: org.finance.id,
      object: "quote",
      recordId: expect.any(String),
      body: "Please look at N5.",
      at: expect.any(String),
    });
    expect(page.notifications.some((n) => "readAt" in n)).toBe(false);
  });

  it("shows each user only their own", async () => {
    const fin = await notificationsOf(org.finance.client);
    const mgr = await notificationsOf(org.manager.client);
    expect(mgr.notifications.every((n) => n.userId === org.manager.id)).toBe(true);
    const finIds = new Set(fin.notifications.map((n) => n.id));
    expect(mgr.notifications.some((n) => finIds.has(n.id))).toBe(false);
    expect((await notificationsOf(org.rep.client)).notifications).toEqual([]);
  });

  it("pages with limit and nextCursor until the cursor is null, without gaps or repeats", async () => {
    const all = (await notificationsOf(org.finance.client)).notifications;
    const seen: Json[] = [];
    const cursors: Array<string | null> = [];
    let query = "?limit=2";
    for (let pages = 0; pages < 10; pages++) {
      const page = await notificationsOf(org.finance.client, query);
      expect(page.notifications.length).toBeLessThanOrEqual(2);
      seen.push(...page.notifications);
      cursors.push(page.nextCursor);
      if (page.nextCursor === null) break;
      expect(page.nextCursor).toBe(page.notifications.at(-1)?.id);
      query = `?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    expect(cursors.map((c) => c === null)).toEqual([false, false, true]);
    expect(seen).toEqual(all);
  });

  it("answers 400 with a problem to a bad limit or cursor", async () => {
    for (const [query, path] of [
      ["?limit=0", "/limit"],
      ["?limit=201", "/limit"],
      ["?limit=two", "/limit"],
      ["?limit=-1", "/limit"],
      ["?cursor=not-a-cursor", "/cursor"],
      ["?cursor=%27%20OR%201%3D1", "/cursor"],
    ] as const) {
      const refused = expectProblem(await org.finance.client.get(`/api/v1/notifications${query}`), 400);
      expect(
        refused.errors.map((e) => e.path),
        query,
      ).toContain(path);
    }
  });

  it("needs a signed-in user", async () => {
    expectProblem(await org.t.anonymous().get("/api/v1/notifications"), 401);
  });
});
