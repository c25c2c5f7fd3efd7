import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookup, number, text } from "../../metadata/builders.js";
import { anObject } from "../support/object-builder.js";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Json = Record<string, unknown>;
type DraftWrite = { document: Json; warnings: Array<{ path: string; code: string; message: string }> };

let t: TestServer;

const draftPath = (kind: string, name: string) => `/api/v1/metadata/draft/${kind}/${name}`;
const putDraft = (kind: string, name: string, doc: unknown) =>
  t.admin.put<DraftWrite>(draftPath(kind, name), doc);
const getDraft = (kind: string, name: string) => t.admin.get(draftPath(kind, name));
const publish = () => t.admin.post<Json>("/api/v1/metadata/publish", {});
const versionNumbers = async () =>
  (
    await t.admin.get<{ versions: Array<{ version: number }> }>("/api/v1/metadata/versions")
  ).body.versions.map((v) => v.version);

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t?.close();
});

describe("writing a draft document", () => {
  it("stores a valid document and answers 200 with the document and no warnings", async () => {
    const doc = anObject("gadget")
      .withField(text("title"), number("weight", { min: 0 }))
      .build();
    const res = await putDraft("object", "gadget", doc);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ document: doc, warnings: [] });
    const stored = await getDraft("object", "gadget");
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(doc);
  });

  it("refuses a document whose kind or name differs from its URL with 422 and stores nothing", async () => {
    const doc = anObject("widget").withField(text("title")).build();
    const res = await putDraft("object", "sprocket", doc);
    const problem = expectProblem(res, 422);
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: "/name", code: "document.nameMismatch" }),
    ]);
    const wrongKind = await putDraft("listView", "widget", doc);
    expect(expectProblem(wrongKind, 422).errors).toEqual([
      expect.objectContaining({ path: "/kind", code: "document.kindMismatch" }),
    ]);
    expect((await getDraft("object", "sprocket")).status).toBe(404);
    expect((await getDraft("object", "widget")).status).toBe(404);
    expect((await getDraft("listView", "widget")).status).toBe(404);
  });

  it("refuses an invalid document with 422 and a JSON pointer for every error, storing nothing", async () => {
    const res = await putDraft("object", "broken", {
      kind: "object",
      name: "broken",
      label: { en: "Broken" },
      fields: [
        { name: "title", type: "nope", label: { en: "Title" } },
        { name: "size", type: "number", label: { en: "Size" }, min: "small" },
      ],
    });
    const problem = expectProblem(res, 422);
    expect(problem.errors.map((e) => e.path).sort()).toEqual([
      "/fields/0/type",
      "/fields/1/min",
      "/pluralLabel",
      "/recordName",
      "/sharingModel",
    ]);
    expect((await getDraft("object", "broken")).status).toBe(404);
  });

  it("keeps the previous version of a draft document when its replacement is invalid", async () => {
    const doc = anObject("keeper").withField(text("title")).build();
    expect((await putDraft("object", "keeper", doc)).status).toBe(200);
    const res = await putDraft("object", "keeper", { ...doc, sharingModel: "everybody" });
    expect(expectProblem(res, 422).errors.map((e) => e.path)).toEqual(["/sharingModel"]);
    expect((await getDraft("object", "keeper")).body).toEqual(doc);
  });

  it("refuses a body that is not a JSON object with 422", async () => {
    const res = await t.admin.request("PUT", draftPath("object", "listy"), "[1, 2]");
    expect(expectProblem(res, 422).errors).toEqual([expect.objectContaining({ path: "" })]);
    expect((await getDraft("object", "listy")).status).toBe(404);
  });

  it("answers 404 for a kind that does not exist", async () => {
    const res = await putDraft("gizmoKind", "thing", { kind: "gizmoKind", name: "thing" });
    expectProblem(res, 404);
  });
});

describe("documents that refer to documents not written yet", () => {
  const part = anObject("part")
    .withField(text("title"), lookup("supplier", { reference: "supplier" }))
    .build();
  const supplier = anObject("supplier").withField(text("title")).build();

  it("are stored with a warning that names the missing reference", async () => {
    const res = await putDraft("object", "part", part);
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([
      {
        path: "/fields/1/reference",
        code: "field.unknownReference",
        message: expect.stringContaining("supplier"),
      },
    ]);
    expect((await getDraft("object", "part")).body).toEqual(part);
  });

  it("make publish refuse with 422 and the pointer until the other document exists", async () => {
    const before = await versionNumbers();
    const refused = await publish();
    const problem = expectProblem(refused, 422);
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: "/object/part/fields/1/reference", code: "field.unknownReference" }),
    ]);
    expect(await versionNumbers()).toEqual(before);
    expect((await t.admin.get("/api/v1/records/part")).status).toBe(404);

    expect((await putDraft("object", "supplier", supplier)).body.warnings).toEqual([]);
    const published = await publish();
    expect(published.status).toBe(200);
    expect(published.body.version).toBe((before[0] ?? 0) + 1);
    const s = await t.admin.post("/api/v1/records/supplier", { title: "Acme Steel" });
    const p = await t.admin.post("/api/v1/records/part", { title: "Bolt", supplier: s.body.id });
    expect(p.status).toBe(201);
    expect(p.body.supplier).toEqual({ id: s.body.id, name: "Acme Steel" });
  });
});
