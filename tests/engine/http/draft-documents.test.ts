import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { number, text } from "../../metadata/builders.js";
import { createUser } from "../../security/support/org-admin.js";
import type { ApiClient } from "../support/api-client.js";
import { anObject } from "../support/object-builder.js";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Entry = {
  kind: string;
  name: string;
  document: Record<string, unknown>;
  updatedAt: string;
  updatedBy: string;
};
type OpenApi = { paths: Record<string, Record<string, unknown>> };

const DOCUMENTS = "/api/v1/metadata/draft/documents";
const DRAFT_PATHS = [
  "/api/v1/metadata/draft/documents",
  "/api/v1/metadata/draft/preview",
  "/api/v1/metadata/draft/discard",
  "/api/v1/metadata/publish",
  "/api/v1/metadata/versions",
  "/api/v1/metadata/versions/{version}",
];

let t: TestServer;
let rep: ApiClient;
let adminId: string;

beforeAll(async () => {
  t = await startTestServer();
  rep = (await createUser(t.admin, "demo", { username: "rep" })).client;
  const me = await t.admin.get<{ user: { id: string } }>("/api/v1/ui/bootstrap");
  adminId = me.body.user.id;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("reading the whole draft in one call", () => {
  it("answers every draft document whole, with when and by whom it was written", async () => {
    const gadget = anObject("gadget").withField(text("title"), number("weight")).build();
    expect((await t.admin.put("/api/v1/metadata/draft/object/gadget", gadget)).status).toBe(200);
    const res = await t.admin.get<{ documents: Entry[] }>(DOCUMENTS);
    expect(res.status).toBe(200);
    const summaries = await t.admin.get<{ documents: Array<{ kind: string; name: string }> }>(
      "/api/v1/metadata/draft",
    );
    expect(res.body.documents.map(({ kind, name }) => `${kind}/${name}`)).toEqual(
      summaries.body.documents.map(({ kind, name }) => `${kind}/${name}`),
    );
    expect(res.body.documents.find((e) => e.name === "gadget")).toEqual({
      kind: "object",
      name: "gadget",
      document: gadget,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedBy: adminId,
    });
    for (const entry of res.body.documents) {
      const one = await t.admin.get(`/api/v1/metadata/draft/${entry.kind}/${entry.name}`);
      expect(one.body).toEqual(entry.document);
    }
  });

  it("refuses a user without manageMetadata with 403", async () => {
    expectProblem(await rep.get(DOCUMENTS), 403);
  });

  it("answers 401 to a caller who is not signed in", async () => {
    expectProblem(await t.anonymous().get(DOCUMENTS), 401);
  });
});

describe("the OpenAPI description of the draft routes", () => {
  it("describes them, validly, to a caller who may manage metadata", async () => {
    const doc = (await t.admin.get<OpenApi>("/api/v1/openapi.json")).body;
    for (const path of DRAFT_PATHS) expect(doc.paths[path], path).toBeDefined();
    expect(Object.keys(doc.paths["/api/v1/metadata/draft/preview"] ?? {})).toEqual(["post"]);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it("leaves them out for a caller who may not use them", async () => {
    const doc = (await rep.get<OpenApi>("/api/v1/openapi.json")).body;
    for (const path of DRAFT_PATHS) expect(doc.paths[path], path).toBeUndefined();
  });
});
