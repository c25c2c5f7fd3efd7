import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { number, text } from "../../metadata/builders.js";
import { createUser } from "../../security/support/org-admin.js";
import type { ApiClient } from "../support/api-client.js";
import { anObject } from "../support/object-builder.js";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Json = Record<string, unknown>;
type Version = {
  version: number;
  publishedAt: string;
  publishedBy: string;
  changes: Json[];
  documents: Array<{ kind: string; name: string }>;
};

let t: TestServer;
let rep: ApiClient;
let first: number;

const read = (version: string | number) => t.admin.get<Version>(`/api/v1/metadata/versions/${version}`);
const draft = async () => (await t.admin.get<{ documents: Json[] }>("/api/v1/metadata/draft/documents")).body;

beforeAll(async () => {
  t = await startTestServer();
  rep = (await createUser(t.admin, "demo", { username: "rep" })).client;
  const gadget = anObject("gadget").withField(text("title")).build();
  expect((await t.admin.put("/api/v1/metadata/draft/object/gadget", gadget)).status).toBe(200);
  first = Number((await t.admin.post<Json>("/api/v1/metadata/publish", {})).body.version);
  const heavier = anObject("gadget").withField(text("title"), number("weight")).build();
  expect((await t.admin.put("/api/v1/metadata/draft/object/gadget", heavier)).status).toBe(200);
  expect((await t.admin.post("/api/v1/metadata/publish", {})).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("reading one published version", () => {
  it("answers its number, when and by whom, its change set and its documents", async () => {
    const res = await read(first + 1);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      "changes",
      "documents",
      "publishedAt",
      "publishedBy",
      "version",
    ]);
    const summary = (await t.admin.get<{ versions: Json[] }>("/api/v1/metadata/versions")).body.versions[0];
    expect(res.body).toMatchObject({ ...summary, version: first + 1 });
    expect(res.body.changes).toEqual([
      { kind: "object", name: "gadget", change: "changed", fields: [{ field: "weight", change: "added" }] },
    ]);
    expect(res.body.documents).toContainEqual(
      anObject("gadget").withField(text("title"), number("weight")).build(),
    );
  });

  it("keeps older versions as they were published", async () => {
    const res = await read(first);
    expect(res.body.changes).toEqual([{ kind: "object", name: "gadget", change: "added" }]);
    expect(res.body.documents).toContainEqual(anObject("gadget").withField(text("title")).build());
  });

  it("answers the tenant's first version, which has every standard document", async () => {
    const res = await read(1);
    expect(res.status).toBe(200);
    expect(res.body.documents.map((d) => `${d.kind}/${d.name}`)).toContain("object/account");
  });
});

describe("reading a version that cannot be read", () => {
  it("answers 404 for a version never published", async () => {
    const before = await draft();
    expectProblem(await read(first + 2), 404);
    expectProblem(await read(999_999_999_999), 404);
    expect(await draft()).toEqual(before);
  });

  it("answers 400 naming /version when it is not a positive whole number", async () => {
    const before = await draft();
    for (const bad of ["0", "-1", "1.5", "two", "01", "1e3", "9999999999999999"]) {
      const problem = expectProblem(await read(bad), 400);
      expect(
        problem.errors.map((e) => e.path),
        bad,
      ).toEqual(["/version"]);
    }
    expect(await draft()).toEqual(before);
  });

  it("answers 403 to a user without manageMetadata", async () => {
    expectProblem(await rep.get(`/api/v1/metadata/versions/${first}`), 403);
  });

  it("answers 401 to a caller who is not signed in", async () => {
    expectProblem(await t.anonymous().get(`/api/v1/metadata/versions/${first}`), 401);
  });
});
