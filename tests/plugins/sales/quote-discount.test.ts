import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../engine/support/api-client.js";
import { expectProblem } from "../../engine/support/problem-assertions.js";
import {
  create,
  eventually,
  type Json,
  read,
  type SalesServer,
  type SalesUser,
  startSalesServer,
  theRecord,
  unique,
} from "./sales-fixture.js";

let s: SalesServer;
let rep: SalesUser;
let manager: SalesUser;
let otherManager: SalesUser;
let director: SalesUser;
let finance: SalesUser;
let partnerPrices: Json;

beforeAll(async () => {
  s = await startSalesServer();
  rep = await s.as("wang.fang");
  manager = await s.as("wang.qiang");
  otherManager = await s.as("lin.hui");
  director = await s.as("zheng.zhiyuan");
  finance = await s.as("sun.li");
  partnerPrices = await theRecord(s.admin, "priceBook", "name", "渠道合作伙伴价格表");
}, 60_000);
afterAll(async () => s?.close());

const newQuote = async (discount: number): Promise<Json> =>
  create(rep.client, "quote", { name: unique(`报价 ${discount}%`), discount, status: "draft" });

const approval = (client: ApiClient, id: unknown, command: string, body: Json = {}) =>
  client.post<Json>(`/api/v1/records/quote/${String(id)}/approval/${command}`, body);

const inbox = async (user: SalesUser): Promise<string[]> => {
  const items = await user.client.get<{ items: Json[] }>("/api/v1/approvals/inbox");
  expect(items.status, JSON.stringify(items.body)).toBe(200);
  return items.body.items.map((item) => String(item.recordId));
};

const notifications = (user: SalesUser) =>
  user.client.get<{ notifications: Json[] }>("/api/v1/notifications?limit=200");

/** The user's notifications about record `id`, once the background job has sent them. */
const toldAbout = async (user: SalesUser, id: unknown): Promise<Json[]> => {
  const found = await eventually(
    () => notifications(user),
    (r) => r.body.notifications.some((n) => n.recordId === id),
  );
  return found.body.notifications.filter((n) => n.recordId === id);
};

describe("the quote discount approval", () => {
  it("sends a 30% quote to the rep's manager, then the sales director, then tells finance and the rep", async () => {
    const quote = await newQuote(30);
    const submitted = await approval(rep.client, quote.id, "submit", { comment: "战略客户" });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({
      process: { name: "quoteDiscount" },
      status: "pending",
      locked: true,
      currentStep: { name: "manager" },
    });
    expect((await read(s.admin, "quote", String(quote.id))).status).toBe("inReview");
    expect(await inbox(manager)).toContain(quote.id);
    expect(await inbox(director)).not.toContain(quote.id);
    expect([403, 404]).toContain((await approval(otherManager.client, quote.id, "approve")).status);

    const byManager = await approval(manager.client, quote.id, "approve", { comment: "同意" });
    expect(byManager.status, JSON.stringify(byManager.body)).toBe(200);
    expect(byManager.body).toMatchObject({ status: "pending", currentStep: { name: "director" } });
    expect(await inbox(director)).toContain(quote.id);

    const byDirector = await approval(director.client, quote.id, "approve");
    expect(byDirector.body).toMatchObject({ status: "approved", locked: false });
    expect((await read(s.admin, "quote", String(quote.id))).status).toBe("approved");

    expect(await toldAbout(finance, quote.id)).toContainEqual(
      expect.objectContaining({ title: `报价 ${quote.name} 已批准` }),
    );
    expect(await toldAbout(rep, quote.id)).toContainEqual(
      expect.objectContaining({ title: `报价 ${quote.name} 已批准` }),
    );
    // Finance reads approved quotes through the template's sharing rule.
    expect(await read(finance.client, "quote", String(quote.id))).toMatchObject({ discount: 30 });
  });

  it("needs only the manager for 15%: the director step is skipped", async () => {
    const quote = await newQuote(15);
    expect((await approval(rep.client, quote.id, "submit")).status).toBe(200);
    const decided = await approval(manager.client, quote.id, "approve");
    expect(decided.body).toMatchObject({ status: "approved" });
    expect((decided.body.history as Json[]).map((h) => h.action)).toContain("stepSkipped");
    expect(await inbox(director)).not.toContain(quote.id);
    expect(await toldAbout(finance, quote.id)).toHaveLength(1);
  });

  it("refuses to submit a quote of 10% or less: 422, the quote unchanged", async () => {
    const quote = await newQuote(10);
    const refused = expectProblem(await approval(rep.client, quote.id, "submit"), 422);
    expect(refused.errors).toContainEqual(expect.objectContaining({ code: "approval.noProcess" }));
    expect(await read(s.admin, "quote", String(quote.id))).toMatchObject({ status: "draft", version: 1 });
    expect(await inbox(manager)).not.toContain(quote.id);
  });

  it("goes back to the manager when the director rejects; the manager's rejection is final and the rep is told", async () => {
    const quote = await newQuote(40);
    await approval(rep.client, quote.id, "submit");
    await approval(manager.client, quote.id, "approve");
    const back = await approval(director.client, quote.id, "reject", { comment: "折扣过大" });
    expect(back.body).toMatchObject({ status: "pending", currentStep: { name: "manager" } });
    const final = await approval(manager.client, quote.id, "reject", { comment: "请重新报价" });
    expect(final.body).toMatchObject({ status: "rejected", locked: false });
    expect((await read(s.admin, "quote", String(quote.id))).status).toBe("rejected");
    expect(await toldAbout(rep, quote.id)).toContainEqual(
      expect.objectContaining({ title: `报价 ${quote.name} 被驳回` }),
    );
    expectProblem(await finance.client.get(`/api/v1/records/quote/${quote.id}`), 404);
  });
});

describe("quote lines priced from the quote's price book", () => {
  const product = (code: string) => theRecord(s.admin, "product", "productCode", code);

  it("takes the list price, and the unit price when none is entered, from the price book", async () => {
    const quote = await create(rep.client, "quote", {
      name: unique("价格表报价"),
      priceBook: partnerPrices.id,
    });
    const machine = await product("VMC-650-5X");
    const line = await create(rep.client, "quoteLine", { quote: quote.id, product: machine.id, quantity: 2 });
    expect(line).toMatchObject({ listPrice: 1152000, unitPrice: 1152000, lineTotal: 2304000 });
    const discounted = await create(rep.client, "quoteLine", {
      quote: quote.id,
      product: machine.id,
      quantity: 1,
      unitPrice: 1100000,
    });
    expect(discounted).toMatchObject({ listPrice: 1152000, unitPrice: 1100000 });
    expect(await read(rep.client, "quote", String(quote.id))).toMatchObject({
      lineCount: 2,
      subtotal: 3404000,
    });
  });

  it("refuses a product the price book does not sell, adding no line", async () => {
    const quote = await create(rep.client, "quote", {
      name: unique("渠道报价"),
      priceBook: partnerPrices.id,
    });
    const training = await product("TRN-OPS");
    const refused = expectProblem(
      await rep.client.post("/api/v1/records/quoteLine", {
        quote: quote.id,
        product: training.id,
        quantity: 1,
      }),
      422,
    );
    expect(refused.errors).toContainEqual(
      expect.objectContaining({ path: "/product", code: "plugin.sales.notInPriceBook" }),
    );
    expect(await read(rep.client, "quote", String(quote.id))).toMatchObject({ lineCount: 0, version: 1 });
  });

  it("leaves lines of quotes without a price book as entered", async () => {
    const quote = await create(rep.client, "quote", { name: unique("无价格表报价") });
    const training = await product("TRN-OPS");
    const line = await create(rep.client, "quoteLine", {
      quote: quote.id,
      product: training.id,
      quantity: 3,
      unitPrice: 5000,
    });
    expect(line).toMatchObject({ unitPrice: 5000, lineTotal: 15000 });
    expect(line).not.toHaveProperty("listPrice");
  });
});
