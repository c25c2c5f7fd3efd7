import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isPlainObject, standardObjects, standardProfiles, validateDocumentSet } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  filterQuery,
  findRecords,
  idOf,
  type Json,
  read,
  type SalesServer,
  startSalesServer,
  theRecord,
} from "./sales-fixture.js";

const PACKAGE = fileURLToPath(new URL("../../../plugins/sales/", import.meta.url));

const jsonFiles = async (dir: string): Promise<string[]> => {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await jsonFiles(path)));
    else if (entry.name.endsWith(".json")) files.push(path);
  }
  return files.sort();
};

const readJson = async (path: string): Promise<Json> => JSON.parse(await readFile(path, "utf8")) as Json;

let bundle: Array<{ file: string; doc: Json }>;
let manifest: Json;

beforeAll(async () => {
  const files = await jsonFiles(join(PACKAGE, "metadata"));
  bundle = await Promise.all(
    files.map(async (file) => ({ file: relative(PACKAGE, file), doc: await readJson(file) })),
  );
  manifest = await readJson(join(PACKAGE, "manifest.json"));
});

/** Every `{en: ...}` text below `value`, with its JSON pointer. */
const textsOf = (value: unknown, path = ""): Array<{ path: string; text: Json }> => {
  if (Array.isArray(value)) return value.flatMap((item, i) => textsOf(item, `${path}/${i}`));
  if (!isPlainObject(value)) return [];
  if (typeof value.en === "string") return [{ path, text: value as Json }];
  return Object.entries(value).flatMap(([key, item]) => textsOf(item, `${path}/${key}`));
};

const CJK = /[\u3400-\u9fff]/;

describe("the sales package", () => {
  it("has a manifest naming its bundle, sample data and server entry, at the package.json version", async () => {
    const pkg = await readJson(join(PACKAGE, "package.json"));
    expect(manifest).toMatchObject({
      kind: "package",
      name: "sales",
      metadata: ["metadata/"],
      sampleData: "sample-data.json",
      server: "dist/server.js",
    });
    expect(pkg).toMatchObject({ name: "@tessera/plugin-sales", version: manifest.version, private: true });
  });

  it("validates as one set with the standard objects and profiles it extends", () => {
    const key = (d: { kind: string; name: string }) => `${d.kind}/${d.name}`;
    const mine = new Set(bundle.map(({ doc }) => key(doc as { kind: string; name: string })));
    const standard = [...standardObjects, ...standardProfiles].filter((d) => !mine.has(key(d)));
    const { issues } = validateDocumentSet([...standard, ...bundle.map(({ doc }) => doc), manifest]);
    expect(issues).toEqual([]);
  });

  it("keeps every standard field of the standard objects it ships, with the same definition", () => {
    for (const { doc } of bundle.filter(({ doc }) => doc.kind === "object")) {
      const standard = standardObjects.find((o) => o.name === doc.name);
      if (standard === undefined) continue;
      const fields = doc.fields as Json[];
      for (const field of standard.fields)
        expect(
          fields.find((f) => f.name === field.name),
          `${doc.name}.${field.name}`,
        ).toEqual(field);
    }
  });

  it("gives every label, description, help text, message and template a Simplified Chinese text", () => {
    const missing: string[] = [];
    for (const { file, doc } of [...bundle, { file: "manifest.json", doc: manifest }]) {
      for (const { path, text } of textsOf(doc)) {
        const zh = text["zh-CN"];
        const isTemplateSource = doc.kind === "template" && /^\/(subject|body)$/.test(path);
        // Template sources may be markup only (labels and values come in the reader's language).
        if (typeof zh !== "string" || zh === "" || (!isTemplateSource && !CJK.test(zh)))
          missing.push(`${file}${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("the demo tenant with the sales template", () => {
  let s: SalesServer;
  beforeAll(async () => {
    s = await startSalesServer();
  }, 60_000);
  afterAll(async () => s?.close());

  const adminsRecords = async (object: string) => {
    const adminId = String((await theRecord(s.admin, "user", "username", "admin")).id);
    return findRecords(s.admin, object, { "==": [{ var: "ownerId" }, adminId] });
  };

  it("keeps the demo's accounts, contacts and opportunities, owned by the admin", async () => {
    const accounts = await adminsRecords("account");
    expect(accounts.map((a) => a.name).sort()).toEqual(
      [
        "上海华东精密机械有限公司",
        "Shenzhen Bright Electronics Co., Ltd.",
        "北京云图数据科技有限公司",
        "Acme Retail Group",
        "成都蜀风食品有限公司",
        "Wuhan Central Logistics",
        "Hangzhou Lakeside Health",
        "Nordic Energy Partners",
      ].sort(),
    );
    expect(accounts.find((a) => a.name === "Acme Retail Group")).toMatchObject({
      industry: "retail",
      region: "international",
      annualRevenue: 310000000,
      employees: 5200,
      website: "https://acme-retail.example.com",
    });
    expect(await adminsRecords("contact")).toHaveLength(11);
    const deals = await adminsRecords("opportunity");
    expect(deals).toHaveLength(10);
    expect(deals.find((d) => d.name === "Clinic scheduling suite")).toMatchObject({
      stage: "closedLost",
      amount: 220000,
      closeDate: "2026-09-15",
      probability: 0,
      lossReason: "price",
    });
  });

  it("keeps the demo's app entries, list views, templates and large deal review", async () => {
    const draft = (kind: string, name: string) => s.admin.get<Json>(`/api/v1/metadata/draft/${kind}/${name}`);
    const app = (await draft("app", "sales")).body;
    expect((app.navigation as Json[]).slice(0, 10).map((n) => n.object ?? n.page)).toEqual([
      "home",
      "approvals",
      "lead",
      "account",
      "contact",
      "opportunity",
      "quote",
      "product",
      "case",
      "task",
    ]);
    for (const [kind, name] of [
      ["listView", "openOpportunities"],
      ["listView", "myOpportunities"],
      ["template", "dealReviewed"],
      ["template", "caseTitle"],
      ["template", "dealSheet"],
    ])
      expect((await draft(kind as string, name as string)).status, `${kind}/${name}`).toBe(200);
    expect((await draft("approvalProcess", "largeDealReview")).body).toMatchObject({
      object: "opportunity",
      priority: 1,
      entryCriteria: { ">=": [{ var: "amount" }, 1_000_000] },
      steps: [{ name: "salesLead", approvers: [{ type: "user", user: "admin" }] }],
    });
  });

  it("has sample users with dotted usernames in the sales roles, and finance as a group", async () => {
    const users = await findRecords(s.admin, "user", { "!!": { var: "username" } });
    const sales = users.filter((u) => String(u.username).includes("."));
    expect(sales.map((u) => [u.username, u.role ?? null]).sort()).toEqual(
      [
        ["zheng.zhiyuan", "headOfSales"],
        ["wang.qiang", "salesManagerEast"],
        ["lin.hui", "salesManagerSouth"],
        ["wang.fang", "salesRepEast"],
        ["zhang.wei", "salesRepEast"],
        ["chen.jing", "salesRepSouth"],
        ["wu.ting", "salesRepSouth"],
        ["sun.li", null],
        ["pool.east", "leadPoolEast"],
        ["pool.expo", "leadPoolEast"],
        ["pool.south", "leadPoolSouth"],
      ].sort(),
    );
    const finance = await theRecord(s.admin, "group", "name", "finance");
    const members = await findRecords(s.admin, "groupMember", { "==": [{ var: "group" }, finance.id] });
    expect(members.map((m) => (m.member as Json).name)).toEqual(["孙丽"]);
  });

  it("has leads in several pools, statuses and sources", async () => {
    const leads = await findRecords(s.admin, "lead", { "!!": { var: "company" } });
    expect(new Set(leads.map((l) => l.status)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(leads.map((l) => l.source)).size).toBeGreaterThanOrEqual(5);
    for (const pool of await findRecords(s.admin, "leadPool", { "==": [{ var: "active" }, true] }))
      expect(
        leads.filter((l) => idOf(l.pool) === pool.id && l.poolStatus === "inPool").length,
        String(pool.name),
      ).toBeGreaterThanOrEqual(2);
    expect(leads.filter((l) => l.poolStatus === "claimed").length).toBeGreaterThanOrEqual(3);
    expect(leads.every((l) => typeof l.fitScore === "number")).toBe(true);
  });

  it("shows each user what they own and what the roles below them own, nothing else", async () => {
    const accountsOf = async (username: string) =>
      (await findRecords((await s.as(username)).client, "account", { "!!": { var: "name" } })).map(
        (a) => a.name,
      );
    expect(await accountsOf("wang.fang")).toEqual(["杭州西湖智能装备有限公司"]);
    expect(await accountsOf("chen.jing")).toEqual(["广州珠江医疗器械有限公司"]);
    expect(await accountsOf("wang.qiang")).toEqual(["杭州西湖智能装备有限公司"]);
    expect((await accountsOf("zheng.zhiyuan")).sort()).toEqual(
      ["杭州西湖智能装备有限公司", "广州珠江医疗器械有限公司"].sort(),
    );
    const repLeads = await findRecords((await s.as("wang.fang")).client, "lead", {
      "!!": { var: "company" },
    });
    expect(repLeads.some((l) => l.poolStatus === "inPool" && idOf(l.pool) !== undefined)).toBe(true);
    expect(repLeads.some((l) => String(l.company).includes("深圳前海"))).toBe(false);
  });

  it("lists open opportunities as a funnel: in stage order, biggest first within a stage", async () => {
    const view = (await s.admin.get<Json>("/api/v1/metadata/draft/listView/pipelineFunnel")).body;
    const sort = (view.sort as Array<{ field: string; direction: string }>)
      .map((k) => `${k.direction === "desc" ? "-" : ""}${k.field}`)
      .join(",");
    const page = await s.admin.get<{ records: Json[] }>(
      `/api/v1/records/opportunity?limit=200&sort=${sort}&${filterQuery(view.filter)}`,
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const order = ["prospecting", "qualification", "needsAnalysis", "proposal", "negotiation"];
    const steps = page.body.records.map((r) => order.indexOf(String(r.stage)));
    expect(steps.every((step) => step >= 0)).toBe(true);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(new Set(steps).size).toBe(5);
    const proposals = page.body.records.filter((r) => r.stage === "proposal").map((r) => Number(r.amount));
    expect(proposals).toEqual([...proposals].sort((a, b) => b - a));
  });

  it("moves the probability with the stage, unless the same change sets it", async () => {
    const deal = await theRecord(s.admin, "opportunity", "name", "冷链包装线");
    const moved = await s.admin.patch<Json>(
      `/api/v1/records/opportunity/${deal.id}`,
      { stage: "proposal" },
      Number(deal.version),
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      stage: "proposal",
      probability: 60,
      expectedRevenue: 468000,
      stageOrder: 4,
    });
    expect((await read(s.admin, "opportunity", String(deal.id))).probability).toBe(60);
    const chosen = await s.admin.patch<Json>(
      `/api/v1/records/opportunity/${deal.id}`,
      { stage: "negotiation", probability: 70 },
      Number(moved.body.version),
    );
    expect(chosen.body).toMatchObject({ stage: "negotiation", probability: 70 });
  });

  it("gives a new opportunity its stage's probability when none is entered", async () => {
    const account = await theRecord(s.admin, "account", "name", "Acme Retail Group");
    const created = await s.admin.post<Json>("/api/v1/records/opportunity", {
      name: "Loyalty programme",
      account: account.id,
      stage: "needsAnalysis",
      closeDate: "2027-06-30",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ probability: 40, stageOrder: 3 });
  });
});
