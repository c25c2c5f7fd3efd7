import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "../../engine/support/api-client.js";
import { countRecords, expectProblem } from "../../engine/support/problem-assertions.js";
import { createTemplateTenant } from "../../engine/support/template-tenant.js";
import { startTestServer, type TestServer } from "../../engine/support/test-server.js";

// The customer-feedback package installed into the demo tenant through the operators' API, as the
// server of the repository's plugins folder runs it (its server entry built into dist/).

type Json = Record<string, unknown>;
type Created = { id: string; version: number } & Json;
type List = { records: Json[] };

const RECORDER_PASSWORD = "feedback-recorder-password";
const COMMENT_NEEDED_EN = "A rating of 1 or 2 stars needs a comment: note what went wrong.";
const COMMENT_NEEDED_ZH = "评分为 1 或 2 星时必须填写评论，请说明问题所在。";

let t: TestServer;
let accountId: string;

const create = (client: ApiClient, values: Json) => client.post<Created>("/api/v1/records/feedback", values);

const feedbackOf = async (id: string): Promise<Created> => {
  const read = await t.admin.get<Created>(`/api/v1/records/feedback/${id}`);
  expect(read.status).toBe(200);
  return read.body;
};

const newAccount = async (name: string): Promise<string> => {
  const created = await t.admin.post<Created>("/api/v1/records/account", { name });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
};

const feedbackOfAccount = (account: string) => ({ "==": [{ var: "account" }, account] });

beforeAll(async () => {
  t = await startTestServer();
  const installed = await t.admin.post("/api/v1/packages/customer-feedback/install", {});
  expect(installed.status, JSON.stringify(installed.body)).toBe(200);
  expect(installed.body).toMatchObject({ package: "customer-feedback", status: "installed" });
  accountId = await newAccount("杭州蓝山咖啡连锁有限公司");
});

afterAll(async () => {
  await t?.close();
});

describe("the rating field type", () => {
  it("is the feedback object's rating field, shown with the package's star widget", async () => {
    const described = await t.admin.get<{ object: { fields: Json[] } }>("/api/v1/metadata/objects/feedback");
    expect(described.status).toBe(200);
    expect(described.body.object.fields.find((f) => f.name === "rating")).toMatchObject({
      type: "custom",
      customType: "rating",
      required: true,
    });
  });

  it("stores whole stars from 1 to 5, read from text as from numbers", async () => {
    const created = await create(t.admin, { account: accountId, rating: "4", channel: "email" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ rating: 4, channel: "email" });
    expect(await feedbackOf(created.body.id)).toMatchObject({ rating: 4 });
  });

  it.each([[0], [6], [3.5], [-1]])("refuses a rating of %j at /rating and stores nothing", async (rating) => {
    const before = await countRecords(t.admin, "feedback");
    const refused = await create(t.admin, { account: accountId, rating, comment: "Fine" });
    const problem = expectProblem(refused, 422);
    expect(problem.errors.map((e) => e.path)).toEqual(["/rating"]);
    expect(await countRecords(t.admin, "feedback")).toBe(before);
  });

  it("refuses a rating that is not a number at /rating and stores nothing", async () => {
    const before = await countRecords(t.admin, "feedback");
    const problem = expectProblem(await create(t.admin, { account: accountId, rating: "excellent" }), 422);
    expect(problem.errors).toEqual([
      { path: "/rating", code: "field.notANumber", message: expect.any(String) },
    ]);
    expect(await countRecords(t.admin, "feedback")).toBe(before);
  });

  it("refuses feedback without a rating at /rating", async () => {
    const before = await countRecords(t.admin, "feedback");
    const problem = expectProblem(await create(t.admin, { account: accountId, comment: "No stars" }), 422);
    expect(problem.errors.map((e) => e.path)).toEqual(["/rating"]);
    expect(await countRecords(t.admin, "feedback")).toBe(before);
  });

  it("refuses an update to a rating out of range and keeps the stored one", async () => {
    const created = await create(t.admin, { account: accountId, rating: 3 });
    expect(created.status).toBe(201);
    const refused = await t.admin.patch(
      `/api/v1/records/feedback/${created.body.id}`,
      { rating: 9 },
      created.body.version,
    );
    expect(expectProblem(refused, 422).errors.map((e) => e.path)).toEqual(["/rating"]);
    expect(await feedbackOf(created.body.id)).toMatchObject({ rating: 3, version: created.body.version });
  });
});

describe("the before-save hook: a low rating needs a comment", () => {
  it.each([[1], [2]])("refuses a rating of %i without a comment at /comment", async (rating) => {
    const before = await countRecords(t.admin, "feedback");
    const problem = expectProblem(await create(t.admin, { account: accountId, rating }), 422);
    expect(problem.errors).toEqual([
      { path: "/comment", code: "plugin.customer-feedback.commentRequired", message: COMMENT_NEEDED_EN },
    ]);
    expect(await countRecords(t.admin, "feedback")).toBe(before);
  });

  it("counts a comment of spaces and line breaks as no comment", async () => {
    const before = await countRecords(t.admin, "feedback");
    const refused = await create(t.admin, { account: accountId, rating: 1, comment: " \t\r\n \u3000 " });
    expect(expectProblem(refused, 422).errors.map((e) => e.path)).toEqual(["/comment"]);
    expect(await countRecords(t.admin, "feedback")).toBe(before);
  });

  it("accepts a low rating with a comment, and a high rating without one", async () => {
    const low = await create(t.admin, { account: accountId, rating: 2, comment: "Slow repair" });
    expect(low.status, JSON.stringify(low.body)).toBe(201);
    const high = await create(t.admin, { account: accountId, rating: 3 });
    expect(high.status, JSON.stringify(high.body)).toBe(201);
    expect(high.body.comment).toBeUndefined();
  });

  it("refuses an update that lowers the rating of feedback without a comment, changing nothing", async () => {
    const created = await create(t.admin, { account: accountId, rating: 4 });
    const refused = await t.admin.patch(
      `/api/v1/records/feedback/${created.body.id}`,
      { rating: 1 },
      created.body.version,
    );
    expect(expectProblem(refused, 422).errors.map((e) => e.path)).toEqual(["/comment"]);
    expect(await feedbackOf(created.body.id)).toMatchObject({ rating: 4, version: created.body.version });
  });

  it("refuses an update that clears the comment of a low rating, keeping the comment", async () => {
    const created = await create(t.admin, { account: accountId, rating: 1, comment: "Machine broke" });
    expect(created.status).toBe(201);
    const refused = await t.admin.patch(
      `/api/v1/records/feedback/${created.body.id}`,
      { comment: "   " },
      created.body.version,
    );
    expect(expectProblem(refused, 422).errors.map((e) => e.path)).toEqual(["/comment"]);
    expect(await feedbackOf(created.body.id)).toMatchObject({
      comment: "Machine broke",
      version: created.body.version,
    });
  });

  it("says so in Chinese to a user who works in Chinese", async () => {
    const user = await t.admin.post<Created>("/api/v1/users", {
      username: "fbrecorder",
      name: "李娜",
      email: "fbrecorder@example.cn",
      profile: "standardUser",
      locale: "zh-CN",
      password: RECORDER_PASSWORD,
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    const assigned = await t.admin.post("/api/v1/records/permissionSetAssignment", {
      assignee: user.body.id,
      permissionSet: "feedbackRecorder",
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    const recorder = apiClient(t.server.url);
    expect((await recorder.login("demo", "fbrecorder", RECORDER_PASSWORD)).status).toBe(200);
    const account = await recorder.post<Created>("/api/v1/records/account", { name: "成都锦江茶饮有限公司" });
    expect(account.status, JSON.stringify(account.body)).toBe(201);

    const problem = expectProblem(await create(recorder, { account: account.body.id, rating: 1 }), 422);
    expect(problem.errors).toEqual([
      { path: "/comment", code: "plugin.customer-feedback.commentRequired", message: COMMENT_NEEDED_ZH },
    ]);
    expect(await countRecords(t.admin, "feedback", feedbackOfAccount(account.body.id))).toBe(0);
    const accepted = await create(recorder, { account: account.body.id, rating: 1, comment: "送货晚了三天" });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  });
});

describe("the before-save hook: comments are tidied", () => {
  it("trims the comment, joins runs of spaces and keeps at most one empty line", async () => {
    const created = await create(t.admin, {
      account: accountId,
      rating: 1,
      comment: "  The   grinder\tbroke   twice.  \r\n\r\n\r\n\r\n  Engineer came  late.   \n",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const expected = "The grinder broke twice.\n\nEngineer came late.";
    expect(created.body.comment).toBe(expected);
    expect((await feedbackOf(created.body.id)).comment).toBe(expected);
  });

  it("tidies the comment on update too", async () => {
    const created = await create(t.admin, { account: accountId, rating: 5 });
    const updated = await t.admin.patch<Created>(
      `/api/v1/records/feedback/${created.body.id}`,
      { comment: "\u3000Great   service！ " },
      created.body.version,
    );
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect((await feedbackOf(created.body.id)).comment).toBe("Great service！");
  });
});

describe("filtering and sorting by rating", () => {
  let account: string;
  const ratings = [3, 5, 1, 4, 2];

  beforeAll(async () => {
    account = await newAccount("Rating Order Ltd");
    for (const rating of ratings) {
      const created = await create(t.admin, { account, rating, comment: `Rated ${rating}` });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
  });

  const listRatings = async (query: Record<string, string>): Promise<unknown[]> => {
    const params = new URLSearchParams({ fields: "rating", ...query });
    const listed = await t.admin.get<List>(`/api/v1/records/feedback?${params}`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    return listed.body.records.map((r) => r.rating);
  };

  it("sorts by rating, both ways", async () => {
    const filter = JSON.stringify(feedbackOfAccount(account));
    expect(await listRatings({ filter, sort: "rating" })).toEqual([1, 2, 3, 4, 5]);
    expect(await listRatings({ filter, sort: "-rating" })).toEqual([5, 4, 3, 2, 1]);
  });

  it("filters by comparing ratings as numbers", async () => {
    const lowOnes = { and: [feedbackOfAccount(account), { "<=": [{ var: "rating" }, 2] }] };
    expect(await listRatings({ filter: JSON.stringify(lowOnes), sort: "rating" })).toEqual([1, 2]);
    const between = { and: [feedbackOfAccount(account), { "<=": [3, { var: "rating" }, 4] }] };
    expect(await listRatings({ filter: JSON.stringify(between), sort: "rating" })).toEqual([3, 4]);
    const exactly = { and: [feedbackOfAccount(account), { in: [{ var: "rating" }, [5, 1]] }] };
    expect(await listRatings({ filter: JSON.stringify(exactly), sort: "-rating" })).toEqual([5, 1]);
  });

  it("refuses a text operator on the rating", async () => {
    const filter = JSON.stringify({ startsWith: [{ var: "rating" }, "4"] });
    const refused = await t.admin.get(`/api/v1/records/feedback?filter=${encodeURIComponent(filter)}`);
    expect(expectProblem(refused, 400).errors).toMatchObject([{ code: "filter.operatorNotSupported" }]);
  });
});

describe("the sample data", () => {
  it("creates a tenant with an account and three rated pieces of feedback, the low one explained", async () => {
    const admin = await createTemplateTenant(t, "feedbackdemo", "customer-feedback");
    const listed = await admin.get<List>(
      "/api/v1/records/feedback?sort=-rating&fields=rating,comment,account",
    );
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.records.map((r) => r.rating)).toEqual([5, 4, 2]);
    expect(listed.body.records[2]).toMatchObject({
      comment: "西湖店的磨豆机维修等了五天，期间无法营业。",
      account: { name: "杭州蓝山咖啡连锁有限公司" },
    });
  });
});
