import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../engine/support/problem-assertions.js";
import {
  create,
  dayFromNow,
  idOf,
  type Json,
  read,
  type SalesServer,
  type SalesUser,
  salesRoute,
  startSalesServer,
  theRecord,
  timeFromNow,
  transfer,
  unique,
} from "./sales-fixture.js";

let s: SalesServer;
let eastPool: Json;
let southPool: Json;
let eastHolder: string;
let southHolder: string;
let rep: SalesUser;
let colleague: SalesUser;
let otherRegion: SalesUser;
let southRep: SalesUser;
let manager: SalesUser;

beforeAll(async () => {
  s = await startSalesServer();
  eastPool = await theRecord(s.admin, "leadPool", "name", "华东线索池");
  southPool = await theRecord(s.admin, "leadPool", "name", "华南线索池");
  eastHolder = String(idOf(eastPool.holder));
  southHolder = String(idOf(southPool.holder));
  rep = await s.as("wang.fang");
  colleague = await s.as("zhang.wei");
  otherRegion = await s.as("wu.ting");
  southRep = await s.as("chen.jing");
  manager = await s.as("wang.qiang");
}, 60_000);
afterAll(async () => s?.close());

/** A lead waiting in `pool`, owned by the pool's account as a returned lead would be. */
const waitingLead = async (pool: Json = eastPool, values: Json = {}): Promise<Json> => {
  const lead = await create(s.admin, "lead", {
    lastName: "Pool",
    company: unique("Pooled Co."),
    status: "new",
    pool: pool.id,
    poolStatus: "inPool",
    ...values,
  });
  await transfer(s.admin, "lead", String(lead.id), String(idOf(pool.holder)));
  return read(s.admin, "lead", String(lead.id));
};

/** A lead claimed from `pool` by `owner` at `claimedAt`, as the admin sets it up. */
const claimedLead = async (owner: SalesUser, claimedAt: string, values: Json = {}, pool: Json = eastPool) => {
  const lead = await create(s.admin, "lead", {
    lastName: "Claimed",
    company: unique("Claimed Co."),
    status: "working",
    pool: pool.id,
    poolStatus: "claimed",
    claimedAt,
    ...values,
  });
  await transfer(s.admin, "lead", String(lead.id), owner.id);
  return read(s.admin, "lead", String(lead.id));
};

const claim = (user: SalesUser, id: unknown) => salesRoute(user.client, `/leads/${String(id)}/claim`);
const giveBack = (user: SalesUser, id: unknown, body: Json = {}) =>
  salesRoute(user.client, `/leads/${String(id)}/return`, body);
const recycle = (user: { client: SalesUser["client"] }, pool: Json) =>
  salesRoute(user.client, `/pools/${String(pool.id)}/recycle`);

describe("claiming a lead from a pool", () => {
  it("makes the rep its owner, marked claimed now", async () => {
    const lead = await waitingLead();
    expect((await read(rep.client, "lead", String(lead.id))).ownerId).toBe(eastHolder);
    const claimed = await claim(rep, lead.id);
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    const after = await read(rep.client, "lead", String(lead.id));
    // A claim is a transfer and an update: two versions.
    expect(after).toMatchObject({
      ownerId: rep.id,
      poolStatus: "claimed",
      version: Number(lead.version) + 2,
    });
    expect(Date.now() - Date.parse(String(after.claimedAt))).toBeLessThan(60_000);
    expect((claimed.body.lead as Json).ownerId).toBe(rep.id);
  });

  it("is refused for a lead already claimed: 404 for a colleague who no longer sees it, 422 for its owner", async () => {
    const lead = await waitingLead();
    expect((await claim(rep, lead.id)).status).toBe(200);
    expectProblem(await claim(colleague, lead.id), 404);
    const again = expectProblem(await claim(rep, lead.id), 422);
    expect(again.errors).toContainEqual(expect.objectContaining({ code: "plugin.sales.notInPool" }));
    expect(await read(s.admin, "lead", String(lead.id))).toMatchObject({
      ownerId: rep.id,
      version: Number(lead.version) + 2,
    });
  });

  it("is refused to a rep of another region, who cannot see the pool's leads", async () => {
    const lead = await waitingLead();
    expectProblem(await otherRegion.client.get(`/api/v1/records/lead/${lead.id}`), 404);
    expectProblem(await claim(otherRegion, lead.id), 404);
    expect(await read(s.admin, "lead", String(lead.id))).toMatchObject({
      ownerId: eastHolder,
      poolStatus: "inPool",
      version: lead.version,
    });
  });

  it("stops at the pool's limit of leads per rep", async () => {
    const small = await create(manager.client, "leadPool", {
      name: unique("Small pool"),
      region: "eastChina",
      holder: eastHolder,
      recycleAfterDays: 10,
      maxClaimsPerRep: 1,
    });
    const first = await waitingLead(small);
    const second = await waitingLead(small);
    expect((await claim(colleague, first.id)).status).toBe(200);
    const refused = expectProblem(await claim(colleague, second.id), 422);
    expect(refused.errors).toContainEqual(expect.objectContaining({ code: "plugin.sales.claimLimit" }));
    expect(await read(s.admin, "lead", String(second.id))).toMatchObject({
      ownerId: eastHolder,
      poolStatus: "inPool",
      version: second.version,
    });
  });

  it("does not let a rep write the pool fields themselves", async () => {
    const lead = await claimedLead(rep, timeFromNow(-1));
    const forged = expectProblem(
      await rep.client.patch(
        `/api/v1/records/lead/${lead.id}`,
        { claimedAt: timeFromNow(10) },
        Number(lead.version),
      ),
      422,
    );
    expect(forged.errors).toContainEqual(
      expect.objectContaining({ path: "/claimedAt", code: "field.notEditable" }),
    );
    expect(await read(s.admin, "lead", String(lead.id))).toMatchObject({
      claimedAt: lead.claimedAt,
      version: lead.version,
    });
  });
});

describe("returning a lead to its pool", () => {
  it("gives it back to the pool's account with the reason, counted, still visible to the rep", async () => {
    const lead = await waitingLead();
    await claim(rep, lead.id);
    const returned = await giveBack(rep, lead.id, { reason: "noResponse" });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const after = await read(rep.client, "lead", String(lead.id));
    expect(after).toMatchObject({
      ownerId: eastHolder,
      poolStatus: "inPool",
      returnReason: "noResponse",
      timesReturned: 1,
    });
    expect(after).not.toHaveProperty("claimedAt");
    expect(Date.now() - Date.parse(String(after.returnedAt))).toBeLessThan(60_000);
    expect((await claim(colleague, lead.id)).status).toBe(200);
  });

  it("refuses a reason of its own choosing and a lead already in the pool, changing nothing", async () => {
    const lead = await claimedLead(rep, timeFromNow(-1));
    const bad = expectProblem(await giveBack(rep, lead.id, { reason: "recycled" }), 422);
    expect(bad.errors).toContainEqual(expect.objectContaining({ path: "/reason" }));
    const waiting = await waitingLead();
    expectProblem(await giveBack(rep, waiting.id), 422);
    expect(await read(s.admin, "lead", String(lead.id))).toMatchObject({
      ownerId: rep.id,
      version: lead.version,
    });
    expect(await read(s.admin, "lead", String(waiting.id))).toMatchObject({ version: waiting.version });
  });

  it("refuses a colleague returning a lead that is not theirs", async () => {
    const lead = await claimedLead(rep, timeFromNow(-1));
    expectProblem(await giveBack(colleague, lead.id), 404);
    expect(await read(s.admin, "lead", String(lead.id))).toMatchObject({
      ownerId: rep.id,
      poolStatus: "claimed",
      version: lead.version,
    });
  });
});

describe("recycling leads nobody touched", () => {
  it("returns the pool's claimed leads untouched for its days, and only those, when its manager recycles", async () => {
    const stale = await claimedLead(rep, timeFromNow(-40));
    const followedUp = await claimedLead(rep, timeFromNow(-40), { lastActivityDate: dayFromNow(-2) });
    const fresh = await claimedLead(colleague, timeFromNow(-3));
    const qualified = await claimedLead(rep, timeFromNow(-40), { status: "qualified" });
    const otherPool = await claimedLead(southRep, timeFromNow(-40), {}, southPool);
    const withActivity = await claimedLead(rep, timeFromNow(-40), { lastActivityDate: dayFromNow(-35) });
    await create(rep.client, "task", {
      subject: "回访",
      type: "call",
      status: "completed",
      completedAt: timeFromNow(0),
      relatedLead: withActivity.id,
    });
    expect((await read(s.admin, "lead", String(withActivity.id))).lastActivityDate).toBe(dayFromNow(0));

    const recycled = await recycle(manager, eastPool);
    expect(recycled.status, JSON.stringify(recycled.body)).toBe(200);
    expect(recycled.body.recycled).toContain(stale.id);
    for (const kept of [followedUp, fresh, qualified, otherPool, withActivity])
      expect(recycled.body.recycled).not.toContain(kept.id);
    expect(recycled.body.failed).toEqual([]);

    expect(await read(s.admin, "lead", String(stale.id))).toMatchObject({
      ownerId: eastHolder,
      poolStatus: "inPool",
      returnReason: "recycled",
      timesReturned: 1,
    });
    for (const [kept, owner] of [
      [followedUp, rep],
      [fresh, colleague],
      [qualified, rep],
      [withActivity, rep],
    ] as const)
      expect(await read(s.admin, "lead", String(kept.id))).toMatchObject({
        ownerId: owner.id,
        poolStatus: "claimed",
      });
    expect((await read(s.admin, "leadPool", String(eastPool.id))).lastRecycledAt).toEqual(expect.any(String));
  });

  it("is refused to a rep, who may not run the pool: 403, nothing recycled", async () => {
    const stale = await claimedLead(rep, timeFromNow(-40));
    const before = await read(s.admin, "leadPool", String(eastPool.id));
    expectProblem(await recycle(rep, eastPool), 403);
    expect(await read(s.admin, "lead", String(stale.id))).toMatchObject({
      ownerId: rep.id,
      poolStatus: "claimed",
      version: stale.version,
    });
    expect((await read(s.admin, "leadPool", String(eastPool.id))).version).toBe(before.version);
  });

  it("runs on schedule in every pool as the job recycleLeads, with the pool's own number of days", async () => {
    const southStale = await claimedLead(southRep, timeFromNow(-20), {}, southPool);
    const eastRecent = await claimedLead(rep, timeFromNow(-20));
    const ran = await s.t.server.runPluginJob("demo", "sales", "recycleLeads");
    expect(ran).toBe(true);
    expect(await read(s.admin, "lead", String(southStale.id))).toMatchObject({
      ownerId: southHolder,
      poolStatus: "inPool",
      returnReason: "recycled",
    });
    expect(await read(s.admin, "lead", String(eastRecent.id))).toMatchObject({
      ownerId: rep.id,
      poolStatus: "claimed",
    });
    expect((await read(s.admin, "leadPool", String(southPool.id))).lastRecycledAt).toEqual(
      expect.any(String),
    );
  });
});
