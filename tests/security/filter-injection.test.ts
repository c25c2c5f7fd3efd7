import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRecords, expectProblem } from "../engine/support/problem-assertions.js";
import { startTestServer, type TestServer } from "../engine/support/test-server.js";

type Json = Record<string, unknown>;
type Page = { records: Json[]; total: number };

const SQL = "' OR 1=1 --";
const REGEX = ".*(a+)+$";
const OPERATOR_TEXT = '{"$gt": ""}';

// Account names that look like code; each must only ever be matched literally.
const TRICKY = [
  `Quote ${SQL} Ltd`,
  `Pattern ${REGEX} Corp`,
  `Json ${OPERATOR_TEXT} Inc`,
  "Percent 100% Cotton",
  "Under_score Trading",
];

let t: TestServer;
let total: number;

const list = async (query: string) => {
  const res = await t.admin.get<Page>(`/api/v1/records/account?count=true&limit=200&${query}`);
  expect(res.status).toBe(200);
  return res.body;
};
const names = async (query: string) => (await list(query)).records.map((r) => r.name).sort();
const filter = (rule: unknown) => `filter=${encodeURIComponent(JSON.stringify(rule))}`;
const search = (q: string) => `q=${encodeURIComponent(q)}`;

beforeAll(async () => {
  t = await startTestServer();
  for (const name of TRICKY)
    expect((await t.admin.post("/api/v1/records/account", { name })).status).toBe(201);
  expect(
    (
      await t.admin.post("/api/v1/records/account", {
        name: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
      })
    ).status,
  ).toBe(201);
  total = await countRecords(t.admin, "account");
});

afterAll(async () => {
  await t?.close();
});

describe("inherited properties in list filters", () => {
  it.each([
    [{ "==": [{ var: "constructor" }, 1] }, "/filter/==/0"],
    [{ "==": [{ var: "__proto__" }, null] }, "/filter/==/0"],
    [{ "!!": { var: "name.constructor" } }, "/filter/!!"],
    [{ var: "constructor" }, "/filter"],
    [{ constructor: [1] }, "/filter"],
    [{ and: [{ "==": [{ var: "name" }, "x"] }, { "==": [{ var: "toString" }, "x"] }] }, "/filter/and/1/==/0"],
  ])("refuses %j with 400 pointing at %s", async (rule, pointer) => {
    const res = await t.admin.get(`/api/v1/records/account?${filter(rule)}`);
    const paths = expectProblem(res, 400).errors.map((e) => e.path);
    expect(paths.some((p) => p.startsWith(pointer))).toBe(true);
  });

  it("refuses a raw __proto__ operator and keeps serving", async () => {
    const res = await t.admin.get(
      `/api/v1/records/account?filter=${encodeURIComponent('{"__proto__": [{"var": "name"}, 1]}')}`,
    );
    expectProblem(res, 400);
    expect((await list("limit=1")).total).toBe(total);
  });
});

describe("operator injection through filter values", () => {
  it("refuses an operator object where a value belongs, pointing at it, instead of running it", async () => {
    for (const [rule, pointer] of [
      [{ "==": [{ var: "name" }, { $gt: "" }] }, "/filter/==/1"],
      [{ "!=": [{ var: "name" }, { $ne: null }] }, "/filter/!=/1"],
      [{ in: [{ var: "name" }, [{ $regex: ".*" }]] }, "/filter/in/1/0"],
      [{ $where: [{ var: "name" }, "1"] }, "/filter"],
    ] as const) {
      const res = await t.admin.get(`/api/v1/records/account?${filter(rule)}`);
      expect(expectProblem(res, 400).errors[0]?.path).toBe(pointer);
    }
  });

  it("compares operator-looking text as a literal string", async () => {
    expect(await names(filter({ "==": [{ var: "name" }, OPERATOR_TEXT] }))).toEqual([]);
    expect(await names(filter({ "==": [{ var: "name" }, `Json ${OPERATOR_TEXT} Inc`] }))).toEqual([
      `Json ${OPERATOR_TEXT} Inc`,
    ]);
    expect(await names(filter({ "==": [{ var: "name" }, "$gt"] }))).toEqual([]);
  });
});

describe("SQL-looking input", () => {
  it("is a literal in filter values: it matches only a record holding exactly that text", async () => {
    expect(await names(filter({ "==": [{ var: "name" }, SQL] }))).toEqual([]);
    expect(await names(filter({ "==": [{ var: "name" }, `Quote ${SQL} Ltd`] }))).toEqual([
      `Quote ${SQL} Ltd`,
    ]);
    expect(await names(filter({ startsWith: [{ var: "name" }, `Quote ${SQL}`] }))).toEqual([
      `Quote ${SQL} Ltd`,
    ]);
    expect((await list(filter({ "!=": [{ var: "name" }, SQL] }))).total).toBe(total);
  });

  it("is a literal in q: it finds only the record containing it", async () => {
    expect(await names(search(SQL))).toEqual([`Quote ${SQL} Ltd`]);
    expect(await names(search("1=1"))).toEqual([`Quote ${SQL} Ltd`]);
    expect(await names(search("'; DROP TABLE r_account; --"))).toEqual([]);
    expect((await list("limit=1")).total).toBe(total);
  });

  it("treats LIKE wildcards in q and startsWith as literal characters", async () => {
    expect(await names(search("%"))).toEqual(["Percent 100% Cotton"]);
    expect(await names(search("_"))).toEqual(["Under_score Trading"]);
    expect(await names(filter({ startsWith: [{ var: "name" }, "%"] }))).toEqual([]);
    expect(await names(filter({ startsWith: [{ var: "name" }, "Under_"] }))).toEqual(["Under_score Trading"]);
    expect(await names(filter({ startsWith: [{ var: "name" }, "Under%"] }))).toEqual([]);
  });

  it("refuses SQL in sort and field names with 400 at the pointer", async () => {
    const sort = await t.admin.get(
      `/api/v1/records/account?sort=${encodeURIComponent("name; DROP TABLE r_account")}`,
    );
    expect(expectProblem(sort, 400).errors[0]?.path).toBe("/sort/0");
    const fields = await t.admin.get(`/api/v1/records/account?fields=${encodeURIComponent("name) --")}`);
    expect(expectProblem(fields, 400).errors[0]?.path).toBe("/fields/0");
    expect((await list("limit=1")).total).toBe(total);
  });
});

describe("regex-like search text", () => {
  it(`is literal: q=${REGEX} finds only the record containing that text, quickly`, async () => {
    const started = performance.now();
    expect(await names(search(REGEX))).toEqual([`Pattern ${REGEX} Corp`]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await names(search(".*"))).toEqual([`Pattern ${REGEX} Corp`]);
    expect(await names(search("(a+)+"))).toEqual([`Pattern ${REGEX} Corp`]);
  });

  it("does not treat regex metacharacters in startsWith as a pattern", async () => {
    expect(await names(filter({ startsWith: [{ var: "name" }, ".*"] }))).toEqual([]);
    expect(await names(filter({ startsWith: [{ var: "name" }, "^a"] }))).toEqual([]);
  });
});
