import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscountOrg } from "../approvals/discount-fixture.js";
import type { ApiClient } from "../support/api-client.js";
import { expectProblem } from "../support/problem-assertions.js";
import { buildPingedOrg, type Json, notificationsOf } from "./notification-fixture.js";

let org: DiscountOrg;
beforeAll(async () => {
  org = await buildPingedOrg(["R1", "R2", "R3", "R4", "R5"]);
}, 60_000);
afterAll(async () => org?.close());

const markRead = (client: ApiClient, body: unknown) =>
  client.post<{ marked: number; unread: number }>("/api/v1/notifications/read", body);

const byTitle = async (client: ApiClient): Promise<Map<string, Json>> =>
  new Map((await notificationsOf(client)).notifications.map((n) => [String(n.title), n]));

const idOf = (notifications: Map<string, Json>, title: string) => String(notifications.get(title)?.id);

// The tests run in order: each starts from the state the previous one left.
describe("marking notifications read", () => {
  it("marks only the ids given, and never another user's", async () => {
    const fin = await byTitle(org.finance.client);
    const mgr = await byTitle(org.manager.client);
    const marked = await markRead(org.finance.client, {
      ids: [idOf(fin, "Ping R2"), idOf(fin, "Ping R4"), idOf(mgr, "Ping R1"), "01HZZZZZZZZZZZZZZZZZZZZZZZ"],
    });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body).toEqual({ marked: 2, unread: 3 });

    const after = await byTitle(org.finance.client);
    expect(after.get("Ping R2")?.readAt).toEqual(expect.any(String));
    expect(after.get("Ping R4")?.readAt).toEqual(expect.any(String));
    expect([...after.values()].filter((n) => n.readAt === undefined).map((n) => n.title)).toEqual([
      "Ping R5",
      "Ping R3",
      "Ping R1",
    ]);
    const untouched = await notificationsOf(org.manager.client);
    expect(untouched.unread).toBe(5);
    expect(untouched.notifications.some((n) => n.readAt !== undefined)).toBe(false);
  });

  it("does not count an id twice when it is already read", async () => {
    const fin = await byTitle(org.finance.client);
    const again = await markRead(org.finance.client, { ids: [idOf(fin, "Ping R2")] });
    expect(again.body).toEqual({ marked: 0, unread: 3 });
  });

  it("lists only unread ones with unread=true, paging as usual", async () => {
    const first = await notificationsOf(org.finance.client, "?unread=true&limit=2");
    expect(first.notifications.map((n) => n.title)).toEqual(["Ping R5", "Ping R3"]);
    expect(first.unread).toBe(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await notificationsOf(
      org.finance.client,
      `?unread=true&limit=2&cursor=${first.nextCursor}`,
    );
    expect(second.notifications.map((n) => n.title)).toEqual(["Ping R1"]);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses bad bodies with a problem, marking nothing", async () => {
    const bodies: Array<[unknown, string]> = [
      [{ ids: "all" }, "/ids"],
      [{ ids: ["ok", 2] }, "/ids/1"],
      [{ ids: [null] }, "/ids/0"],
      [{ ids: ["x".repeat(41)] }, "/ids/0"],
      [{ ids: Array.from({ length: 501 }, (_, i) => `id${i}`) }, "/ids"],
      [{ ids: [], everything: true }, "/everything"],
      [[{ ids: [] }], ""],
    ];
    for (const [body, path] of bodies) {
      const refused = await markRead(org.finance.client, body);
      expect([400, 422], JSON.stringify(body)).toContain(refused.status);
      const problem = expectProblem(refused, refused.status);
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
    expect((await notificationsOf(org.finance.client)).unread).toBe(3);
  });

  it("marks every one of the caller's notifications read with {}", async () => {
    const all = await markRead(org.finance.client, {});
    expect(all.body).toEqual({ marked: 3, unread: 0 });
    const page = await notificationsOf(org.finance.client);
    expect(page.notifications.every((n) => typeof n.readAt === "string")).toBe(true);
    expect((await notificationsOf(org.finance.client, "?unread=true")).notifications).toEqual([]);
    expect((await notificationsOf(org.manager.client)).unread).toBe(5);
  });
});
