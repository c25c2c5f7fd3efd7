import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anObject } from "../engine/support/object-builder.js";
import { countRecords, expectProblem } from "../engine/support/problem-assertions.js";
import { startTestServer, type TestServer } from "../engine/support/test-server.js";
import { text } from "../metadata/builders.js";

type Json = Record<string, unknown>;

// The server runs in this process, so a polluted Object.prototype would show up right here.
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const pristine = prototypeKeys();

let t: TestServer;
let accountId: string;

const expectUnpolluted = () => {
  expect(prototypeKeys()).toEqual(pristine);
  const probe: Json = {};
  for (const key of ["polluted", "isAdmin", "role", "manageMetadata"]) expect(probe[key]).toBeUndefined();
};

beforeAll(async () => {
  t = await startTestServer();
  accountId = String(
    (await t.admin.get<{ records: Json[] }>("/api/v1/records/account?limit=1")).body.records[0]?.id,
  );
});

afterAll(async () => {
  await t?.close();
});

describe("prototype pollution through record bodies", () => {
  it.each([
    ['{"name": "A", "__proto__": {"polluted": "yes"}}', "/__proto__"],
    ['{"name": "A", "constructor": {"prototype": {"polluted": "yes"}}}', "/constructor"],
    ['{"name": "A", "description": {"__proto__": {"isAdmin": true}}}', "/description/__proto__"],
    ['{"name": "A", "tags": [{"x": 1}, {"__proto__": {"role": "admin"}}]}', "/tags/1/__proto__"],
  ])("refuses POST %s with 400 at %s and stores nothing", async (body, pointer) => {
    const before = await countRecords(t.admin, "account");
    const res = await t.admin.request("POST", "/api/v1/records/account", body);
    expect(expectProblem(res, 400).errors.map((e) => e.path)).toEqual([pointer]);
    expect(await countRecords(t.admin, "account")).toBe(before);
    expectUnpolluted();
  });

  it("refuses the same keys on PATCH, with any JSON media type, and leaves the record unchanged", async () => {
    const before = await t.admin.get(`/api/v1/records/account/${accountId}`);
    for (const type of ["application/json", "application/merge-patch+json"]) {
      const res = await t.admin.request(
        "PATCH",
        `/api/v1/records/account/${accountId}`,
        '{"__proto__": {"polluted": 1}}',
        {
          "content-type": type,
          "if-match": String(before.body.version),
        },
      );
      expect(expectProblem(res, 400).errors[0]?.path).toBe("/__proto__");
    }
    expect((await t.admin.get(`/api/v1/records/account/${accountId}`)).body).toEqual(before.body);
    expectUnpolluted();
  });

  it("refuses them in sign-in bodies too", async () => {
    const res = await t
      .anonymous()
      .request("POST", "/api/v1/auth/login", '{"tenant": "demo", "__proto__": {"username": "admin"}}');
    expect(expectProblem(res, 400).errors[0]?.path).toBe("/__proto__");
    expectUnpolluted();
  });
});

describe("prototype pollution through metadata bodies", () => {
  const draft = (name: string) => `/api/v1/metadata/draft/object/${name}`;

  it.each([
    ['{"kind": "object", "name": "evil", "__proto__": {"manageMetadata": true}}', "/__proto__"],
    [
      '{"kind": "object", "name": "evil", "label": {"en": "Evil", "constructor": {"prototype": {"x": 1}}}}',
      "/label/constructor",
    ],
    [
      '{"kind": "object", "name": "evil", "fields": [{"name": "a", "type": "text", "prototype": {}}]}',
      "/fields/0/prototype",
    ],
  ])("refuses PUT %s with 400 at %s and stores no draft", async (body, pointer) => {
    const res = await t.admin.request("PUT", draft("evil"), body);
    expect(expectProblem(res, 400).errors.map((e) => e.path)).toEqual([pointer]);
    expectProblem(await t.admin.get(draft("evil")), 404);
    expectUnpolluted();
  });

  it.each(["constructor", "prototype", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "refuses a field named %s with 422 at its name and stores no draft",
    async (fieldName) => {
      const doc = anObject("evil").withField(text("title"), text(fieldName)).build();
      const res = await t.admin.put(draft("evil"), doc);
      expect(expectProblem(res, 422).errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: "/fields/1/name" })]),
      );
      expectProblem(await t.admin.get(draft("evil")), 404);
      expectUnpolluted();
    },
  );

  it("refuses an object named constructor", async () => {
    const doc = anObject("constructor").withField(text("title")).build();
    const res = await t.admin.put(draft("constructor"), doc);
    expect(expectProblem(res, 422).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "/name" })]),
    );
    expectProblem(await t.admin.get(draft("constructor")), 404);
  });

  it("leaves the published metadata as it was", async () => {
    const objects = await t.admin.get<{ objects: Array<{ name: string }> }>("/api/v1/metadata/objects");
    expect(objects.body.objects.map((o) => o.name)).not.toContain("evil");
    expectProblem(await t.admin.post("/api/v1/metadata/publish", {}), 409);
    expectUnpolluted();
  });
});
