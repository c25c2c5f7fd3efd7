import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newRecordId } from "../../../engine/src/records/record-id.js";
import type { StoredRecord } from "../../../engine/src/store/store-port.js";
import type { ApiClient } from "../support/api-client.js";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { buildVendorWorld, expectStatus, idsWhere, type Json, type VendorWorld } from "./vendor-fixture.js";

let t: TestServer;
let w: VendorWorld;

/** A seeded generator, so the data (and any surprise in it) is the same on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
};
const next = random(20261126);
const letters = "bcdfghjklmnpqrstvwxz";
const vowels = "aeiouy";
const word = (length: number) =>
  Array.from(
    { length },
    (_, i) => (i % 2 === 0 ? letters : vowels)[Math.floor(next() * (i % 2 === 0 ? 20 : 6))],
  ).join("");
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const mobile = () => `13${String(Math.floor(next() * 1e9)).padStart(9, "0")}`;

interface Planted {
  records: StoredRecord[];
  /** Expected groups as `rule: sorted ids`. */
  groups: string[];
  /** Ids of each planted group (`name0`, `phone3`), sorted. */
  members: Record<string, string[]>;
}

/**
 * 300 distinct vendors (random two-word names, own mobiles), then 20 planted name groups (legal
 * forms, "The", upper case, a typo) and 10 planted phone twins (the same mobile written otherwise).
 * Records of `ownerOf(i)` are owned by that user (the admin otherwise).
 */
const plant = (adminId: string, ownerOf: (group: string, member: number) => string | undefined): Planted => {
  const now = new Date();
  const records: StoredRecord[] = [];
  const groups: string[] = [];
  const members: Record<string, string[]> = {};
  const add = (values: Json, owner: string): string => {
    const id = newRecordId(now);
    const stamp = now.toISOString();
    records.push({
      id,
      version: 1,
      ownerId: owner,
      createdAt: stamp,
      createdBy: adminId,
      updatedAt: stamp,
      updatedBy: adminId,
      ...(values as Record<string, string>),
    });
    return id;
  };
  const bases = Array.from({ length: 300 }, (_, i) => ({
    name: `${capital(word(7 + (i % 3)))} ${capital(word(6 + (i % 4)))}`,
    phone: mobile(),
    taxId: `T${String(i).padStart(5, "0")}`,
  }));
  const ids = bases.map((base, i) =>
    add(base, ownerOf(`name${i}`, 0) ?? ownerOf(`phone${i - 100}`, 0) ?? adminId),
  );
  for (let i = 0; i < 20; i += 1) {
    const base = bases[i] as { name: string };
    const group = [
      ids[i] as string,
      add({ name: `${base.name} Co., Ltd.` }, ownerOf(`name${i}`, 1) ?? adminId),
    ];
    if (i % 2 === 0) group.push(add({ name: `The ${base.name.toUpperCase()}` }, adminId));
    if (i % 3 === 0)
      group.push(
        add({ name: `${base.name.slice(0, -1)}${base.name.endsWith("z") ? "x" : "z"} Inc.` }, adminId),
      );
    members[`name${i}`] = group.sort();
    groups.push(`vendorName: ${group.join(",")}`);
  }
  for (let j = 0; j < 10; j += 1) {
    const phone = (bases[100 + j] as { phone: string }).phone;
    const twin = add(
      {
        name: `${capital(word(8))} ${capital(word(9))}`,
        phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`,
      },
      ownerOf(`phone${j}`, 1) ?? adminId,
    );
    members[`phone${j}`] = [ids[100 + j] as string, twin].sort();
    groups.push(`vendorPhone: ${members[`phone${j}`]?.join(",")}`);
  }
  return { records, groups: groups.sort(), members };
};

type JobView = Json & {
  id: string;
  status: string;
  progress: { processed: number; total: number; percent: number };
};
type GroupView = {
  id: string;
  rule: string;
  score: number;
  records: Array<{ id: string; name: string | null; values: Json }>;
};

const finished = async (client: ApiClient, id: string): Promise<JobView> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = expectStatus(await client.get<JobView>(`/api/v1/duplicates/jobs/${id}`), 200).body;
    if (job.status !== "running" || Date.now() > deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const allGroups = async (client: ApiClient, jobId: string, limit = 7): Promise<GroupView[]> => {
  const groups: GroupView[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
    const body = expectStatus(
      await client.get<{ groups: GroupView[]; nextCursor: string | null }>(
        `/api/v1/duplicates/jobs/${jobId}/groups?limit=${limit}${query}`,
      ),
      200,
    ).body;
    expect(body.groups.length).toBeLessThanOrEqual(limit);
    groups.push(...body.groups);
    cursor = body.nextCursor;
    if (cursor === null) return groups;
  }
  throw new Error("too many pages");
};

const asLines = (groups: readonly GroupView[]) =>
  groups
    .map(
      (g) =>
        `${g.rule}: ${g.records
          .map((r) => r.id)
          .sort()
          .join(",")}`,
    )
    .sort();

let planted: Planted;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildVendorWorld(t);
  const [adminId] = await idsWhere(w.admin, "user", "username", "admin");
  const owners: Record<string, string> = {
    // The buyer owns all of name group 0, and one record of name group 1.
    "name0/0": w.buyerId,
    "name0/1": w.buyerId,
    "name1/1": w.buyerId,
    // The clerk owns both phone twins of phone group 0 and all of name group 2.
    "phone0/0": w.clerkId,
    "phone0/1": w.clerkId,
    "name2/0": w.clerkId,
    "name2/1": w.clerkId,
  };
  planted = plant(String(adminId), (group, member) => owners[`${group}/${member}`]);
  const store = await t.server.store.tenant("demo");
  await store.insertRecords("vendor", planted.records);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("a find-duplicates job", () => {
  it("starts as a job of the caller and finds exactly the planted groups", async () => {
    const started = expectStatus(
      await w.admin.post<JobView>("/api/v1/duplicates/jobs", { object: "vendor" }),
      202,
    );
    expect(started.body).toMatchObject({
      object: "vendor",
      rules: ["vendorName", "vendorPhone", "vendorTaxId"],
      status: "running",
      progress: { processed: 0, percent: 0 },
      pairs: 0,
    });
    expect(started.headers.get("location")).toBe(`/api/v1/duplicates/jobs/${started.body.id}`);
    const job = await finished(w.admin, started.body.id);
    expect(job).toMatchObject({
      status: "completed",
      groups: 30,
      progress: { processed: planted.records.length, total: planted.records.length, percent: 100 },
    });
    const groups = await allGroups(w.admin, started.body.id);
    expect(asLines(groups)).toEqual(planted.groups);
    for (const group of groups) {
      expect(group.score).toBeGreaterThanOrEqual(0.92);
      expect(group.score).toBeLessThanOrEqual(1);
    }
    const scores = groups.map((g) => g.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const listed = expectStatus(
      await w.admin.get<{ jobs: JobView[] }>("/api/v1/duplicates/jobs?object=vendor"),
      200,
    );
    expect(listed.body.jobs.map((j) => j.id)).toEqual([started.body.id]);
  });

  it("applies one rule when asked", async () => {
    const started = expectStatus(
      await w.admin.post<JobView>("/api/v1/duplicates/jobs", { object: "vendor", rule: "vendorPhone" }),
      202,
    );
    expect((await finished(w.admin, started.body.id)).groups).toBe(10);
    expect(asLines(await allGroups(w.admin, started.body.id, 100))).toEqual(
      planted.groups.filter((g) => g.startsWith("vendorPhone")),
    );
  });

  it("shows a reader only groups with two records they may see", async () => {
    const started = expectStatus(
      await w.buyer.post<JobView>("/api/v1/duplicates/jobs", { object: "vendor" }),
      202,
    );
    expect((await finished(w.buyer, started.body.id)).status).toBe("completed");
    const groups = await allGroups(w.buyer, started.body.id);
    expect(groups).toHaveLength(1);
    // Name group 0 has four records, two of them the buyer's; of group 1 the buyer sees one.
    const own = planted.records.filter(
      (r) => r.ownerId === w.buyerId && planted.members.name0?.includes(r.id),
    );
    expect(own).toHaveLength(2);
    expect(groups[0]?.records.map((r) => r.id).sort()).toEqual(own.map((r) => r.id).sort());
  });

  it("shows only fields the reader may read, and no group of a rule comparing a hidden field", async () => {
    const started = expectStatus(
      await w.clerk.post<JobView>("/api/v1/duplicates/jobs", { object: "vendor" }),
      202,
    );
    expect((await finished(w.clerk, started.body.id)).status).toBe("completed");
    const groups = await allGroups(w.clerk, started.body.id);
    // The clerk's phone twins are a group of a rule on the phone, which they may not read.
    expect(groups.map((g) => g.rule)).toEqual(["vendorName"]);
    for (const record of groups[0]?.records ?? []) {
      expect(record.values).toHaveProperty("name");
      expect(record.values).not.toHaveProperty("phone");
      expect(record.name).toBe(record.values.name);
    }
  });

  it("is the caller's own: another user gets 404 for it and its groups", async () => {
    const started = expectStatus(
      await w.admin.post<JobView>("/api/v1/duplicates/jobs", { object: "vendor" }),
      202,
    );
    expectProblem(await w.buyer.get(`/api/v1/duplicates/jobs/${started.body.id}`), 404);
    expectProblem(await w.buyer.get(`/api/v1/duplicates/jobs/${started.body.id}/groups`), 404);
    await finished(w.admin, started.body.id);
  });

  it("refuses bad requests and starts nothing", async () => {
    const before = expectStatus(
      await w.admin.get<{ jobs: JobView[] }>("/api/v1/duplicates/jobs?object=vendor"),
      200,
    ).body.jobs.length;
    expectProblem(await w.admin.post("/api/v1/duplicates/jobs", { object: "nothing" }), 404);
    const unknownRule = expectProblem(
      await w.admin.post("/api/v1/duplicates/jobs", { object: "vendor", rule: "nope" }),
      422,
    );
    expect(unknownRule.errors.map((e) => [e.path, e.code])).toEqual([["/rule", "duplicateRule.unknown"]]);
    const noRule = expectProblem(
      await w.admin.post("/api/v1/duplicates/jobs", { object: "purchaseOrder" }),
      422,
    );
    expect(noRule.errors.map((e) => [e.path, e.code])).toEqual([["/object", "duplicateRule.none"]]);
    const extra = expectProblem(
      await w.admin.post("/api/v1/duplicates/jobs", { object: "vendor", fast: true }),
      422,
    );
    expect(extra.errors.map((e) => e.path)).toEqual(["/fast"]);
    expectProblem(
      await w.admin.get("/api/v1/duplicates/jobs/01ARZ3NDEKTSV4RRFFQ69G5FAV/groups?limit=0"),
      404,
    );
    const after = expectStatus(
      await w.admin.get<{ jobs: JobView[] }>("/api/v1/duplicates/jobs?object=vendor"),
      200,
    ).body.jobs.length;
    expect(after).toBe(before);
  });
});
