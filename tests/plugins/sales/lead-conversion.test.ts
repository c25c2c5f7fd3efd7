import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../engine/support/problem-assertions.js";
import {
  create,
  dayFromNow,
  findRecords,
  idOf,
  type Json,
  read,
  type SalesServer,
  type SalesUser,
  salesRoute,
  startSalesServer,
  theRecord,
  unique,
} from "./sales-fixture.js";

let s: SalesServer;
let rep: SalesUser;
let otherRegion: SalesUser;

beforeAll(async () => {
  s = await startSalesServer();
  rep = await s.as("wang.fang");
  otherRegion = await s.as("wu.ting");
}, 60_000);
afterAll(async () => s?.close());

/** A lead of the rep's, with a company name no other record has. */
const repLead = async (values: Json = {}): Promise<Json> =>
  create(rep.client, "lead", {
    lastName: "沈",
    firstName: "冰",
    company: unique("绍兴纺织机械有限公司"),
    title: "设备部经理",
    email: "shen.bing@example.cn",
    phone: "+86 575 8800 1234",
    source: "referral",
    status: "qualified",
    industry: "manufacturing",
    region: "eastChina",
    annualRevenue: 42000000,
    estimatedAmount: 500000,
    ...values,
  });

const convert = (id: unknown, body: unknown = {}, client = rep.client) =>
  salesRoute(client, `/leads/${String(id)}/convert`, body);

/** What the admin sees of the records a conversion of `company` could have created. */
const createdFor = async (company: string) => ({
  accounts: await findRecords(s.admin, "account", { "==": [{ var: "name" }, company] }),
  contacts: await findRecords(s.admin, "contact", { "==": [{ var: "title" }, `contact of ${company}`] }),
  opportunities: await findRecords(s.admin, "opportunity", { startsWith: [{ var: "name" }, company] }),
});

describe("converting a lead", () => {
  it("creates an account, a contact and an opportunity from the lead, and marks it converted with links", async () => {
    const lead = await repLead();
    const converted = await convert(lead.id, { opportunityName: `${lead.company} 新产线` });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    expect(converted.body).toEqual({
      account: expect.any(String),
      contact: expect.any(String),
      opportunity: expect.any(String),
      navigate: { object: "opportunity", id: converted.body.opportunity },
    });
    const { account, contact, opportunity } = converted.body as {
      account: string;
      contact: string;
      opportunity: string;
    };
    expect(await read(rep.client, "account", account)).toMatchObject({
      name: lead.company,
      type: "prospect",
      industry: "manufacturing",
      region: "eastChina",
      annualRevenue: 42000000,
      phone: "+86 575 8800 1234",
      ownerId: rep.id,
    });
    const readContact = await read(rep.client, "contact", contact);
    expect(readContact).toMatchObject({
      lastName: "沈",
      firstName: "冰",
      fullName: "沈冰",
      title: "设备部经理",
      email: "shen.bing@example.cn",
      ownerId: rep.id,
    });
    expect(idOf(readContact.account)).toBe(account);
    const readOpportunity = await read(rep.client, "opportunity", opportunity);
    expect(readOpportunity).toMatchObject({
      name: `${lead.company} 新产线`,
      stage: "prospecting",
      type: "newBusiness",
      amount: 500000,
      leadSource: "referral",
      closeDate: dayFromNow(90),
      ownerId: rep.id,
    });
    expect([idOf(readOpportunity.account), idOf(readOpportunity.primaryContact)]).toEqual([account, contact]);
    const readLead = await read(rep.client, "lead", String(lead.id));
    expect(readLead).toMatchObject({ status: "converted", convertedDate: dayFromNow(0), version: 2 });
    expect(
      [readLead.convertedAccount, readLead.convertedContact, readLead.convertedOpportunity].map(idOf),
    ).toEqual([account, contact, opportunity]);
  });

  it("attaches to an existing account without an opportunity when asked", async () => {
    const account = await create(rep.client, "account", { name: unique("杭州既有客户") });
    const lead = await repLead();
    const converted = await convert(lead.id, { accountId: account.id, createOpportunity: false });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    expect(converted.body).toMatchObject({
      account: account.id,
      opportunity: null,
      navigate: { object: "account", id: account.id },
    });
    expect(await read(rep.client, "account", String(account.id))).toMatchObject({ version: 1 });
    expect(idOf((await read(rep.client, "contact", String(converted.body.contact))).account)).toBe(
      account.id,
    );
    expect(await findRecords(s.admin, "account", { "==": [{ var: "name" }, lead.company] })).toEqual([]);
    const readLead = await read(rep.client, "lead", String(lead.id));
    expect(idOf(readLead.convertedAccount)).toBe(account.id);
    expect(readLead).not.toHaveProperty("convertedOpportunity");
  });

  it("names the opportunity after the company in the caller's language when no name is given", async () => {
    const lead = await repLead();
    const converted = await convert(lead.id);
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    const opportunity = await read(rep.client, "opportunity", String(converted.body.opportunity));
    expect(opportunity.name).toBe(`${lead.company} - 新商机`);
  });

  it("converts from the lead page's button, which sends no body", async () => {
    const lead = await repLead();
    const converted = await rep.client.request<Json>(
      "POST",
      `/api/v1/plugins/sales/leads/${lead.id}/convert`,
    );
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    expect((await read(rep.client, "lead", String(lead.id))).status).toBe("converted");
  });

  it("takes a lead claimed from a pool out of its pool", async () => {
    const pool = await theRecord(s.admin, "leadPool", "name", "华东线索池");
    const lead = await create(s.admin, "lead", {
      lastName: "Pool",
      company: unique("Pooled Co."),
      pool: pool.id,
      poolStatus: "inPool",
    });
    await s.admin.post(`/api/v1/records/lead/${lead.id}/owner`, { ownerId: idOf(pool.holder) });
    expect((await salesRoute(rep.client, `/leads/${lead.id}/claim`)).status).toBe(200);
    expect((await convert(lead.id)).status).toBe(200);
    const readLead = await read(rep.client, "lead", String(lead.id));
    expect(readLead).toMatchObject({ status: "converted" });
    expect(readLead).not.toHaveProperty("poolStatus");
  });
});

describe("a refused conversion changes nothing", () => {
  it("refuses a lead converted before: 422, and creates nothing more", async () => {
    const lead = await repLead();
    expect((await convert(lead.id)).status).toBe(200);
    const before = await createdFor(String(lead.company));
    const again = expectProblem(await convert(lead.id), 422);
    expect(again.errors).toContainEqual(expect.objectContaining({ code: "plugin.sales.converted" }));
    expect(await createdFor(String(lead.company))).toEqual(before);
    expect(await read(rep.client, "lead", String(lead.id))).toMatchObject({ version: 2 });
  });

  it("deletes the account and contact it created when the opportunity is refused, and leaves the lead as it was", async () => {
    const lead = await repLead({ title: "to be replaced" });
    const company = String(lead.company);
    await rep.client.patch(`/api/v1/records/lead/${lead.id}`, { title: `contact of ${company}` }, 1);
    const refused = expectProblem(await convert(lead.id, { opportunityName: "x".repeat(300) }), 422);
    expect(refused.errors).toContainEqual(expect.objectContaining({ path: "/name" }));
    expect(await createdFor(company)).toEqual({ accounts: [], contacts: [], opportunities: [] });
    const readLead = await read(rep.client, "lead", String(lead.id));
    expect(readLead).toMatchObject({ status: "qualified", version: 2 });
    expect(readLead).not.toHaveProperty("convertedAccount");
  });

  it("refuses settings it does not know and values of the wrong kind before creating anything", async () => {
    const lead = await repLead();
    const refused = expectProblem(
      await convert(lead.id, { createOpportunity: "yes", closeDate: "next week", owner: "someone" }),
      422,
    );
    expect(refused.errors.map((e) => e.path).sort()).toEqual(["/closeDate", "/createOpportunity", "/owner"]);
    expect(await createdFor(String(lead.company))).toEqual({ accounts: [], contacts: [], opportunities: [] });
    expect(await read(rep.client, "lead", String(lead.id))).toMatchObject({
      status: "qualified",
      version: 1,
    });
  });

  it("refuses an account the caller may not see, as 422 on accountId", async () => {
    const hidden = await create(s.admin, "account", { name: unique("Admin only account") });
    const lead = await repLead();
    const refused = expectProblem(await convert(lead.id, { accountId: hidden.id }), 422);
    expect(refused.errors).toContainEqual(expect.objectContaining({ path: "/accountId" }));
    expect(await createdFor(String(lead.company))).toEqual({ accounts: [], contacts: [], opportunities: [] });
    expect(await read(rep.client, "lead", String(lead.id))).toMatchObject({ version: 1 });
  });

  it("answers 404 to a rep of another region for a lead they cannot see", async () => {
    const lead = await repLead();
    expectProblem(await convert(lead.id, {}, otherRegion.client), 404);
    expect(await createdFor(String(lead.company))).toEqual({ accounts: [], contacts: [], opportunities: [] });
    expect(await read(rep.client, "lead", String(lead.id))).toMatchObject({
      status: "qualified",
      version: 1,
    });
  });
});
