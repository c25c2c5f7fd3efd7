import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRecords, expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Json = Record<string, unknown>;

let t: TestServer;
let accountId: string;

const NO_SUCH_ID = "00000000000000000000000000";
const raw = (method: string, path: string, body: string, headers: Record<string, string> = {}) =>
  t.admin.request(method, path, body, headers);

beforeAll(async () => {
  t = await startTestServer();
  const page = await t.admin.get<{ records: Json[] }>("/api/v1/records/account?limit=1");
  accountId = String(page.body.records[0]?.id);
});

afterAll(async () => {
  await t?.close();
});

describe("request bodies", () => {
  it("refuses a body over 1 MB with 413 problem+json and stores nothing", async () => {
    const before = await countRecords(t.admin, "account");
    const res = await t.admin.post("/api/v1/records/account", { name: "x".repeat(1_100_000) });
    expect(expectProblem(res, 413).code).toBe("payloadTooLarge");
    expect(await countRecords(t.admin, "account")).toBe(before);
  });

  it("accepts a body just under the limit as far as the record pipeline", async () => {
    const res = await t.admin.post("/api/v1/records/account", { name: "x".repeat(1_000_000) });
    expect(res.status).not.toBe(413);
    expect(res.headers.get("content-type")).toMatch(/json/);
  });

  it("refuses malformed JSON with 400 problem+json and stores nothing", async () => {
    const before = await countRecords(t.admin, "account");
    const res = await raw("POST", "/api/v1/records/account", '{"name": "Half');
    expect(expectProblem(res, 400).errors).toEqual([
      { path: "", code: "body.notJson", message: expect.any(String) },
    ]);
    expect(await countRecords(t.admin, "account")).toBe(before);
  });

  it.each([
    ["__proto__ at the top", '{"name": "P1", "__proto__": {"polluted": true}}', "/__proto__"],
    [
      "constructor deep inside",
      '{"name": "P2", "website": [{"a": {"constructor": {"prototype": {"polluted": true}}}}]}',
      "/website/0/a/constructor",
    ],
    ["prototype", '{"name": "P3", "prototype": {"polluted": true}}', "/prototype"],
    ["$where", '{"name": "P4", "$where": "sleep(1000)"}', "/$where"],
    ["a $-operator as a value", '{"name": {"$gt": ""}}', "/name/$gt"],
    ["a dotted key", '{"name": "P5", "a.b": 1}', "/a.b"],
    [
      "a key with a slash, escaped in the pointer",
      '{"name": "P6", "x": {"a/b~c": {"$ne": 1}}}',
      "/x/a~1b~0c/$ne",
    ],
  ])("refuses %s with 400 and the key's pointer, storing nothing", async (_case, body, pointer) => {
    const before = await countRecords(t.admin, "account");
    const res = await raw("POST", "/api/v1/records/account", body);
    const problem = expectProblem(res, 400);
    expect(problem.errors).toEqual([{ path: pointer, code: "body.unsafeKey", message: expect.any(String) }]);
    expect(await countRecords(t.admin, "account")).toBe(before);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it("refuses unsafe keys on PATCH too and leaves the record as it was", async () => {
    const before = await t.admin.get(`/api/v1/records/account/${accountId}`);
    const res = await raw(
      "PATCH",
      `/api/v1/records/account/${accountId}`,
      '{"__proto__": {"isAdmin": true}, "name": "Owned"}',
      {
        "if-match": String(before.body.version),
      },
    );
    expect(expectProblem(res, 400).errors[0]?.path).toBe("/__proto__");
    expect((await t.admin.get(`/api/v1/records/account/${accountId}`)).body).toEqual(before.body);
    expect(({} as Json).isAdmin).toBeUndefined();
  });

  it("refuses a body nested deeper than anything needs with 400, not a crash", async () => {
    const before = await countRecords(t.admin, "account");
    for (const body of [
      `{"name": ${"[".repeat(5000)}${"]".repeat(5000)}}`,
      `{"name": "d", "x": ${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}}`,
    ]) {
      const res = await raw("POST", "/api/v1/records/account", body);
      expect(expectProblem(res, 400).errors).toEqual([expect.objectContaining({ code: "body.tooDeep" })]);
    }
    expect(await countRecords(t.admin, "account")).toBe(before);
    expect((await t.admin.get("/healthz")).status).toBe(200);
  });

  it("answers a body that is JSON but not an object with a problem, storing nothing", async () => {
    const before = await countRecords(t.admin, "account");
    expectProblem(await raw("POST", "/api/v1/records/account", "[1, 2]"), 422);
    expectProblem(await raw("POST", "/api/v1/records/account", "null"), 400);
    expectProblem(await raw("POST", "/api/v1/records/account", '"just text"'), 400);
    expect(await countRecords(t.admin, "account")).toBe(before);
  });
});

describe("query strings", () => {
  it("takes repeated keys as one string (?limit=1&limit=2), never an array, and does not crash", async () => {
    const res = await t.admin.get<{ records: Json[] }>("/api/v1/records/account?limit=1&limit=2");
    expect(res.status).toBe(200);
    expect(res.body.records).toHaveLength(2);
    const q = await t.admin.get<{ records: Json[] }>("/api/v1/records/account?q=nothing-matches-this&q=Acme");
    expect(q.status).toBe(200);
    expect(q.body.records.map((r) => r.name)).toEqual(["Acme Retail Group"]);
  });

  it("ignores bracketed and prototype-named keys instead of building objects from them", async () => {
    const res = await t.admin.get<{ records: Json[] }>(
      "/api/v1/records/account?limit[$gt]=0&__proto__[polluted]=1&constructor=x&filter[a]=1",
    );
    expect(res.status).toBe(200);
    expect(res.body.records.length).toBeGreaterThan(2);
    expect(({} as Json).polluted).toBeUndefined();
  });
});

describe("routes and resources that do not exist", () => {
  it("answers an unknown API route with 404 problem+json", async () => {
    expectProblem(await t.admin.get("/api/v1/nothing/here"), 404);
    expectProblem(await t.admin.request("PUT", `/api/v1/records/account/${accountId}`, {}), 404);
    expectProblem(await t.anonymous().get("/api/v2/records/account"), 404);
  });

  it("answers an unknown path outside the API with 404 problem+json too", async () => {
    expectProblem(await t.anonymous().get("/no/such/page"), 404);
  });

  it("answers an unknown object with 404 on every verb, storing nothing", async () => {
    expectProblem(await t.admin.get("/api/v1/records/spaceship"), 404);
    expectProblem(await t.admin.post("/api/v1/records/spaceship", { name: "Apollo" }), 404);
    expectProblem(await t.admin.get(`/api/v1/records/spaceship/${NO_SUCH_ID}`), 404);
    expectProblem(await t.admin.get("/api/v1/metadata/objects/spaceship"), 404);
  });

  it("answers a record id that does not exist with 404 on GET, PATCH and DELETE", async () => {
    const before = await countRecords(t.admin, "account");
    expectProblem(await t.admin.get(`/api/v1/records/account/${NO_SUCH_ID}`), 404);
    expectProblem(await t.admin.patch(`/api/v1/records/account/${NO_SUCH_ID}`, { name: "Ghost" }, 1), 404);
    expectProblem(await t.admin.delete(`/api/v1/records/account/${NO_SUCH_ID}`), 404);
    expectProblem(await t.admin.delete(`/api/v1/records/account/${NO_SUCH_ID}`, 1), 404);
    expectProblem(await t.admin.get(`/api/v1/records/account/${NO_SUCH_ID}/history`), 404);
    expect(await countRecords(t.admin, "account")).toBe(before);
  });

  it("answers a path that cannot be decoded with 400 problem+json", async () => {
    expectProblem(await t.admin.get("/api/v1/records/account/%E0%A4%A"), 400);
  });
});

describe("request ids and health", () => {
  it("echoes a well-formed x-request-id on success and on errors", async () => {
    const ok = await t.admin.request("GET", "/healthz", undefined, { "x-request-id": "req-12345678" });
    expect(ok.headers.get("x-request-id")).toBe("req-12345678");
    const failed = await t.admin.request("GET", "/api/v1/nothing", undefined, {
      "x-request-id": "req-87654321",
    });
    expect(failed.status).toBe(404);
    expect(failed.headers.get("x-request-id")).toBe("req-87654321");
  });

  it("replaces a malformed x-request-id with its own instead of echoing it", async () => {
    const res = await t.admin.request("GET", "/healthz", undefined, {
      "x-request-id": "<script>alert(1)</script>",
    });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers /healthz with {status: ok} without signing in", async () => {
    const res = await t.anonymous().get("/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });
});
