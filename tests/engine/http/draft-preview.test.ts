import type { FieldDefinition } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookup, number, text } from "../../metadata/builders.js";
import { createUser } from "../../security/support/org-admin.js";
import type { ApiClient } from "../support/api-client.js";
import { anObject } from "../support/object-builder.js";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Json = Record<string, unknown>;
type Preview = {
  changes: Json[];
  impact: Json[];
  issues: Array<{ path: string; code: string; message: string }>;
};
type DraftList = { documents: Array<{ kind: string; name: string; document: Json }> };

const PREVIEW = "/api/v1/metadata/draft/preview";

let t: TestServer;
let rep: ApiClient;

const objectDoc = (name: string, ...fields: FieldDefinition[]) =>
  anObject(name)
    .withField(text("title"), ...fields)
    .build();
const putDraft = async (doc: { kind: string; name: string }) => {
  const res = await t.admin.put(`/api/v1/metadata/draft/${doc.kind}/${doc.name}`, doc);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const deleteDraft = async (kind: string, name: string) =>
  expect((await t.admin.delete(`/api/v1/metadata/draft/${kind}/${name}`)).status).toBe(204);
const preview = (body: unknown = {}) => t.admin.post<Preview>(PREVIEW, body);
const publish = () => t.admin.post<Json>("/api/v1/metadata/publish", {});
const draft = async () => (await t.admin.get<DraftList>("/api/v1/metadata/draft/documents")).body.documents;
const versions = async () =>
  (await t.admin.get<{ versions: Json[] }>("/api/v1/metadata/versions")).body.versions;
/** The draft and the published versions, to prove a request changed neither. */
const snapshot = async () => ({ draft: await draft(), versions: await versions() });

beforeAll(async () => {
  t = await startTestServer();
  rep = (await createUser(t.admin, "demo", { username: "rep" })).client;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("previewing the draft", () => {
  it("finds nothing to publish when the draft is the published version", async () => {
    const res = await preview();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ changes: [], impact: [], issues: [] });
  });

  it("lists the draft's changes without publishing them", async () => {
    await putDraft(objectDoc("gadget", number("weight")));
    const before = await snapshot();
    const res = await preview();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      changes: [{ kind: "object", name: "gadget", change: "added" }],
      impact: [],
      issues: [],
    });
    expect(await snapshot()).toEqual(before);
    expect((await t.admin.get("/api/v1/records/gadget")).status).toBe(404);
  });

  it("accepts no body at all as the draft as it is", async () => {
    const res = await t.admin.request<Preview>("POST", PREVIEW);
    expect(res.status).toBe(200);
    expect(res.body.changes).toEqual([{ kind: "object", name: "gadget", change: "added" }]);
  });

  it("reports each field change of a changed object", async () => {
    expect((await publish()).status).toBe(200);
    await putDraft(objectDoc("gadget", text("colour")));
    const res = await preview();
    expect(res.body.changes).toEqual([
      {
        kind: "object",
        name: "gadget",
        change: "changed",
        fields: [
          { field: "colour", change: "added" },
          { field: "weight", change: "removed" },
        ],
      },
    ]);
  });
});

describe("previewing with documents in place of the draft's", () => {
  it("reports the data a removed field would lose, storing nothing", async () => {
    await putDraft(objectDoc("gadget", number("weight")));
    for (const weight of [1, 2]) {
      const created = await t.admin.post("/api/v1/records/gadget", { title: `g${weight}`, weight });
      expect(created.status).toBe(201);
    }
    await t.admin.post("/api/v1/records/gadget", { title: "no weight" });
    const before = await snapshot();
    const res = await preview({ documents: [objectDoc("gadget")] });
    expect(res.status).toBe(200);
    expect(res.body.changes).toEqual([
      { kind: "object", name: "gadget", change: "changed", fields: [{ field: "weight", change: "removed" }] },
    ]);
    expect(res.body.impact).toEqual([
      {
        object: "gadget",
        field: "weight",
        severity: "destructive",
        code: "field.removed",
        records: 2,
        message: expect.stringContaining("2 record(s)"),
      },
    ]);
    expect(res.body.issues).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("adds a document the draft does not have, for the assessment only", async () => {
    const before = await snapshot();
    const res = await preview({ documents: [objectDoc("widget")] });
    expect(res.body.changes).toEqual([{ kind: "object", name: "widget", change: "added" }]);
    expect(await snapshot()).toEqual(before);
  });

  it("reports a sent document's problems with publish's paths and counts it as unchanged", async () => {
    const broken = { ...objectDoc("gadget"), fields: [text("title"), { name: "weight", type: "bogus" }] };
    const res = await preview({ documents: [broken, objectDoc("widget")] });
    expect(res.status).toBe(200);
    expect(res.body.issues.length).toBeGreaterThan(0);
    for (const issue of res.body.issues) {
      expect(issue.path.startsWith("/object/gadget/fields/1")).toBe(true);
      expect(issue.message.startsWith("object/gadget: ")).toBe(true);
    }
    // The broken gadget would have dropped "weight": no removal, no data loss reported for it.
    expect(res.body.changes).toEqual([{ kind: "object", name: "widget", change: "added" }]);
    expect(res.body.impact).toEqual([]);
  });
});

describe("the problems a preview reports", () => {
  it("are exactly those publish refuses, and the valid documents' changes are still listed", async () => {
    await putDraft(objectDoc("part", lookup("supplier", { reference: "supplier" })));
    await putDraft(objectDoc("widget"));
    const res = await preview();
    expect(res.status).toBe(200);
    expect(res.body.issues).toEqual([
      {
        path: "/object/part/fields/1/reference",
        code: "field.unknownReference",
        message: expect.stringContaining("object/part: "),
      },
    ]);
    expect(res.body.changes).toEqual([{ kind: "object", name: "widget", change: "added" }]);
    const before = await versions();
    const refused = expectProblem(await publish(), 422);
    expect(refused.errors).toEqual(res.body.issues);
    expect(await versions()).toEqual(before);
    await deleteDraft("object", "part");
    await deleteDraft("object", "widget");
  });
});

describe("a preview request that cannot be assessed", () => {
  const refused = async (body: unknown, paths: string[]) => {
    const before = await snapshot();
    const problem = expectProblem(await preview(body), 400);
    expect(problem.errors.map((e) => e.path)).toEqual(paths);
    expect(await snapshot()).toEqual(before);
  };

  it("is refused with 400 when the body is not an object", async () => {
    await refused([objectDoc("gadget")], [""]);
  });

  it("is refused with 400 naming an option previews do not have", async () => {
    await refused({ force: true, documents: [] }, ["/force"]);
  });

  it("is refused with 400 when documents is not an array", async () => {
    await refused({ documents: objectDoc("gadget") }, ["/documents"]);
  });

  it("is refused with 400 beyond 50 documents", async () => {
    const many = Array.from({ length: 51 }, (_, i) => objectDoc(`thing${i}`));
    await refused({ documents: many }, ["/documents"]);
  });

  it("is refused with 400 naming each document without an object, a known kind or a name", async () => {
    await refused(
      { documents: [42, { kind: "gizmo", name: "x" }, { kind: "object" }, { kind: "object", name: 7 }] },
      ["/documents/0", "/documents/1/kind", "/documents/2/name", "/documents/3/name"],
    );
  });

  it("is refused with 400 when the same document is sent twice", async () => {
    await refused({ documents: [objectDoc("gadget"), objectDoc("gadget")] }, ["/documents/1/name"]);
  });
});

describe("who may preview", () => {
  it("refuses a user without manageMetadata with 403", async () => {
    const before = await snapshot();
    expectProblem(await rep.post(PREVIEW, {}), 403);
    expectProblem(await rep.post(PREVIEW, { documents: [objectDoc("gadget")] }), 403);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 401 to a caller who is not signed in", async () => {
    expectProblem(await t.anonymous().post(PREVIEW, {}), 401);
  });
});
