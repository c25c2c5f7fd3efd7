import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  create,
  eventually,
  idOf,
  type Json,
  read,
  type SalesServer,
  startSalesServer,
  theRecord,
} from "./sales-fixture.js";

const RULES = fileURLToPath(new URL("../../../plugins/sales/metadata/duplicate-rules/", import.meta.url));

let s: SalesServer;

beforeAll(async () => {
  s = await startSalesServer();
}, 60_000);

afterAll(async () => s?.close());

const alerts = (record: Json) =>
  ((record._duplicates ?? []) as Json[]).map((d) => [d.rule, d.id, d.name]).sort();

describe("the sales template's duplicate rules", () => {
  it("are alerts: on the account name, contact and lead e-mail and mobile", async () => {
    const rules = await Promise.all(
      (await readdir(RULES))
        .sort()
        .map(async (file) => JSON.parse(await readFile(`${RULES}${file}`, "utf8")) as Json),
    );
    expect(rules.map((r) => [r.name, r.object, r.action, r.conditions])).toEqual([
      [
        "accountName",
        "account",
        "alert",
        [{ field: "name", normalizer: "companyName", match: "fuzzy", threshold: 0.92 }],
      ],
      ["contactEmail", "contact", "alert", [{ field: "email", normalizer: "email", match: "exact" }]],
      ["contactMobile", "contact", "alert", [{ field: "mobile", normalizer: "phone", match: "exact" }]],
      ["leadEmail", "lead", "alert", [{ field: "email", normalizer: "email", match: "exact" }]],
      ["leadMobile", "lead", "alert", [{ field: "mobile", normalizer: "phone", match: "exact" }]],
    ]);
  });

  it("warn on an account named like another but for its legal form, in Chinese and English", async () => {
    const huadong = await theRecord(s.admin, "account", "name", "上海华东精密机械有限公司");
    const bright = await theRecord(s.admin, "account", "name", "Shenzhen Bright Electronics Co., Ltd.");
    const chinese = await create(s.admin, "account", { name: "上海华东精密机械股份有限公司" });
    expect(alerts(chinese)).toEqual([["accountName", huadong.id, "上海华东精密机械有限公司"]]);
    const english = await create(s.admin, "account", { name: "SHENZHEN BRIGHT ELECTRONICS LIMITED" });
    expect(alerts(english)).toEqual([["accountName", bright.id, "Shenzhen Bright Electronics Co., Ltd."]]);
    const other = await create(s.admin, "account", { name: "Qingdao Harbour Cold Storage" });
    expect(other).not.toHaveProperty("_duplicates");
  });

  it("warn on a contact with a known e-mail (any case) and a known mobile (any format)", async () => {
    const xu = await theRecord(s.admin, "contact", "email", "xu.jun@xihu-equipment.example.cn");
    const contact = await create(s.admin, "contact", {
      lastName: "Xu",
      email: "Xu.Jun@Xihu-Equipment.example.cn",
      mobile: "138-0571-2233",
    });
    expect(alerts(contact)).toEqual([
      ["contactEmail", xu.id, xu.fullName],
      ["contactMobile", xu.id, xu.fullName],
    ]);
  });

  it("warn on a lead with a known e-mail, and let it be saved", async () => {
    const sun = await theRecord(s.admin, "lead", "email", "sun.tao@sz-jinggong.example.cn");
    const lead = await create(s.admin, "lead", {
      lastName: "Sun",
      company: "Jinggong",
      email: "SUN.TAO@sz-jinggong.example.cn",
    });
    expect(alerts(lead)).toEqual([["leadEmail", sun.id, sun.fullName]]);
    expect((await read(s.admin, "lead", String(lead.id))).email).toBe("SUN.TAO@sz-jinggong.example.cn");
  });

  it("never name a record the user may not see", async () => {
    const rep = await s.as("wang.fang");
    // luo.yan is a contact of chen.jing, in the south: wang.fang (east) does not see it.
    const contact = await create(rep.client, "contact", {
      lastName: "Luo",
      email: "luo.yan@pearl-medical.example.cn",
    });
    expect(contact).not.toHaveProperty("_duplicates");
    const checked = await rep.client.post<{ matches: Json[] }>("/api/v1/duplicates/check/contact", {
      values: { email: "luo.yan@pearl-medical.example.cn" },
    });
    expect(checked.status).toBe(200);
    expect(checked.body.matches.map((m) => (m.record as Json).id)).toEqual([contact.id]);
  });
});

describe("merging duplicate accounts of the sales template", () => {
  it("moves the duplicate's contacts and opportunities to the survivor, and undo moves them back", async () => {
    const acme = await theRecord(s.admin, "account", "name", "Acme Retail Group");
    const duplicate = await create(s.admin, "account", {
      name: "Acme Retail Group Ltd.",
      phone: "+1 415 555 0100",
    });
    expect(alerts(duplicate)).toEqual([["accountName", acme.id, "Acme Retail Group"]]);
    const contact = await create(s.admin, "contact", {
      lastName: "Tan",
      firstName: "Mei",
      account: duplicate.id,
    });
    const deal = await create(s.admin, "opportunity", {
      name: "Acme loyalty program",
      account: duplicate.id,
      stage: "prospecting",
      closeDate: "2027-03-31",
    });
    const merged = await s.admin.post<{ survivor: Json; mergeId: string }>("/api/v1/records/account/merge", {
      survivorId: acme.id,
      mergedIds: [duplicate.id],
      values: { phone: "+1 415 555 0100" },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.survivor).toMatchObject({
      id: acme.id,
      name: "Acme Retail Group",
      phone: "+1 415 555 0100",
    });
    expect(idOf((await read(s.admin, "contact", String(contact.id))).account)).toBe(acme.id);
    expect(idOf((await read(s.admin, "opportunity", String(deal.id))).account)).toBe(acme.id);
    expect((await s.admin.get(`/api/v1/records/account/${duplicate.id}`)).status).toBe(404);

    const undone = await s.admin.post<Json>(`/api/v1/merges/${merged.body.mergeId}/undo`, {});
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(await read(s.admin, "account", String(duplicate.id))).toMatchObject({
      name: "Acme Retail Group Ltd.",
    });
    expect(idOf((await read(s.admin, "contact", String(contact.id))).account)).toBe(duplicate.id);
    expect(idOf((await read(s.admin, "opportunity", String(deal.id))).account)).toBe(duplicate.id);
    expect(await read(s.admin, "account", String(acme.id))).not.toHaveProperty("phone");
  });

  it("finds duplicate accounts with a find job", async () => {
    const nordic = await theRecord(s.admin, "account", "name", "Nordic Energy Partners");
    const copy = await create(s.admin, "account", { name: "Nordic Energy Partners AG" });
    const started = await s.admin.post<Json>("/api/v1/duplicates/jobs", { object: "account" });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const job = await eventually(
      async () => (await s.admin.get<Json>(`/api/v1/duplicates/jobs/${started.body.id}`)).body,
      (j) => j.status !== "running",
      20_000,
    );
    expect(job.status).toBe("completed");
    const page = await s.admin.get<{ groups: Array<{ rule: string; records: Json[] }> }>(
      `/api/v1/duplicates/jobs/${started.body.id}/groups?limit=100`,
    );
    expect(page.status).toBe(200);
    const groups = page.body.groups.map((g) => [g.rule, g.records.map((r) => r.id).sort()]);
    expect(groups).toContainEqual(["accountName", [nordic.id, copy.id].sort()]);
  });
});
