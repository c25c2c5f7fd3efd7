import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../engine/support/api-client.js";
import { countRecords, expectProblem } from "../engine/support/problem-assertions.js";
import { startTestServer, type TestServer } from "../engine/support/test-server.js";
import { create, createUser } from "./support/org-admin.js";

type Json = Record<string, unknown>;
type User = { id: string; client: ApiClient };

let t: TestServer;
let owner: User;
let heir: User;
let friend: User;
let member: User;
let team: string;

const accountUrl = (id: string) => `/api/v1/records/account/${id}`;
const sharesOf = async (id: string): Promise<Json[]> => {
  const listed = await t.admin.get<{ shares: Json[] }>(`${accountUrl(id)}/shares`);
  expect(listed.status).toBe(200);
  return listed.body.shares;
};
const shareIdsOf = async (id: string) => (await sharesOf(id)).map((s) => String(s.id)).sort();
const sharesOfRecord = (id: string) =>
  countRecords(t.admin, "recordShare", {
    and: [{ "==": [{ var: "sharedObject" }, "account"] }, { "==": [{ var: "sharedRecord" }, id] }],
  });

/** An account of `owner` shared with `friend` (edit) and the group `team` (read); returns its id. */
const aSharedAccount = async (name: string): Promise<string> => {
  const id = await create(owner.client, "account", { name });
  for (const body of [
    { user: friend.id, access: "edit" },
    { group: team, access: "read" },
  ]) {
    const shared = await owner.client.post(`${accountUrl(id)}/shares`, body);
    expect(shared.status, JSON.stringify(shared.body)).toBe(201);
  }
  expect((await friend.client.get(accountUrl(id))).status).toBe(200);
  expect((await member.client.get(accountUrl(id))).status).toBe(200);
  return id;
};

beforeAll(async () => {
  t = await startTestServer();
  team = await create(t.admin, "group", { name: "team", label: "Team" });
  owner = await createUser(t.admin, "demo", { username: "owner" });
  heir = await createUser(t.admin, "demo", { username: "heir" });
  friend = await createUser(t.admin, "demo", { username: "friend" });
  member = await createUser(t.admin, "demo", { username: "member", groups: [team] });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("transferring a record removes its manual shares, as Salesforce does", () => {
  it("the previous owner's shares are gone: those they granted no longer see the record", async () => {
    const id = await aSharedAccount("Transferred");
    const res = await owner.client.post<Json>(`${accountUrl(id)}/owner`, { ownerId: heir.id });
    expect(res.status).toBe(200);
    expect(res.body.ownerId).toBe(heir.id);
    expect(await sharesOf(id)).toEqual([]);
    expect(await sharesOfRecord(id)).toBe(0);
    expectProblem(await friend.client.get(accountUrl(id)), 404);
    expectProblem(await member.client.get(accountUrl(id)), 404);
    expectProblem(await owner.client.get(accountUrl(id)), 404);
    expect((await heir.client.get(accountUrl(id))).status).toBe(200);
  });

  it("the audit event of the transfer names the shares it removed", async () => {
    const id = await aSharedAccount("Audited transfer");
    const removed = await shareIdsOf(id);
    expect((await owner.client.post(`${accountUrl(id)}/owner`, { ownerId: heir.id })).status).toBe(200);
    const events = await t.admin.get<{ events: Json[] }>("/api/v1/audit?type=record.ownerChanged&limit=1");
    const event = events.body.events[0];
    expect(event).toMatchObject({
      target: { object: "account", id },
      details: { from: owner.id, to: heir.id },
    });
    const listed = (event?.details as { removedShares?: string[] } | undefined)?.removedShares ?? [];
    expect([...listed].sort()).toEqual(removed);
  });

  it("an admin's transfer removes them too, and the new owner can share again", async () => {
    const id = await aSharedAccount("Admin transfer");
    expect((await t.admin.post(`${accountUrl(id)}/owner`, { ownerId: heir.id })).status).toBe(200);
    expect(await sharesOf(id)).toEqual([]);
    const again = await heir.client.post(`${accountUrl(id)}/shares`, { user: friend.id, access: "read" });
    expect(again.status).toBe(201);
    expect((await friend.client.get(accountUrl(id))).status).toBe(200);
  });

  it("shares of other records stay", async () => {
    const moved = await aSharedAccount("Moved");
    const kept = await aSharedAccount("Kept");
    const before = await sharesOf(kept);
    expect((await owner.client.post(`${accountUrl(moved)}/owner`, { ownerId: heir.id })).status).toBe(200);
    expect(await sharesOf(kept)).toEqual(before);
    expect((await friend.client.get(accountUrl(kept))).status).toBe(200);
  });

  it.each([
    ["to an unknown user (422)", () => owner.client, () => "01NOSUCHUSER0000000000000", 422],
    ["by someone the record is only shared with (403)", () => friend.client, () => heir.id, 403],
    ["by someone who cannot see the record (404)", () => heir.client, () => heir.id, 404],
  ])("a refused transfer %s keeps the owner and every share", async (_what, caller, target, status) => {
    const id = await aSharedAccount("Not transferred");
    const record = (await t.admin.get<Json>(accountUrl(id))).body;
    const shares = await sharesOf(id);
    expectProblem(await caller().post(`${accountUrl(id)}/owner`, { ownerId: target() }), status);
    expect((await t.admin.get<Json>(accountUrl(id))).body).toEqual(record);
    expect(await sharesOf(id)).toEqual(shares);
    expect((await friend.client.get(accountUrl(id))).status).toBe(200);
  });
});

describe("deleting a record still removes its manual shares", () => {
  it("no share of a deleted record is left", async () => {
    const id = await aSharedAccount("Deleted");
    expect(await sharesOfRecord(id)).toBe(2);
    expect((await owner.client.delete(accountUrl(id))).status).toBe(204);
    expect(await sharesOfRecord(id)).toBe(0);
  });
});
