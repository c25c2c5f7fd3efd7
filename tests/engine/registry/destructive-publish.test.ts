import type { FieldDefinition } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { number, option, picklist, text } from "../../metadata/builders.js";
import { anObject } from "../support/object-builder.js";
import { expectProblem, type Problem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Json = Record<string, unknown>;
type Impact = {
  object: string;
  field?: string;
  severity: string;
  code: string;
  records: number;
  message: string;
};
type History = { entries: Array<{ field: string; oldValue: unknown; newValue: unknown; version: number }> };

let t: TestServer;

const objectDoc = (name: string, ...fields: FieldDefinition[]) =>
  anObject(name)
    .withField(text("title"), ...fields)
    .build();
const putObject = async (name: string, ...fields: FieldDefinition[]) => {
  const res = await t.admin.put(`/api/v1/metadata/draft/object/${name}`, objectDoc(name, ...fields));
  expect(res.status).toBe(200);
};
const publish = (force = false) =>
  t.admin.post<Json>("/api/v1/metadata/publish", force ? { force: true } : {});
const latestVersion = async () =>
  (await t.admin.get<{ versions: Array<{ version: number }> }>("/api/v1/metadata/versions")).body.versions[0]
    ?.version;
const create = async (object: string, values: Json): Promise<string> => {
  const res = await t.admin.post(`/api/v1/records/${object}`, values);
  expect(res.status).toBe(201);
  return String(res.body.id);
};
const read = async (object: string, id: string) =>
  (await t.admin.get(`/api/v1/records/${object}/${id}`)).body;
const readAll = async (object: string, ids: readonly string[]) =>
  Promise.all(ids.map((id) => read(object, id)));
const history = async (object: string, id: string) =>
  (await t.admin.get<History>(`/api/v1/records/${object}/${id}/history`)).body.entries;

/** Publishes without force, expects the refusal, and proves it changed neither metadata nor data. */
const expectRefused = async (object: string, ids: readonly string[], code: string): Promise<Impact[]> => {
  const [version, records] = [await latestVersion(), await readAll(object, ids)];
  const problem: Problem = expectProblem(await publish(), 409);
  expect(problem.code).toBe(code);
  expect(await latestVersion()).toBe(version);
  expect(await readAll(object, ids)).toEqual(records);
  return problem.impact as Impact[];
};

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t?.close();
});

describe("removing a field that holds data", () => {
  it("is refused with 409 naming the field and how many records hold a value", async () => {
    await putObject("memo", text("note"));
    expect((await publish()).status).toBe(200);
    const ids = [
      await create("memo", { title: "a", note: "first" }),
      await create("memo", { title: "b", note: "second" }),
    ];
    await create("memo", { title: "c" });
    await putObject("memo");
    const impact = await expectRefused("memo", ids, "publish.destructive");
    expect(impact).toEqual([
      {
        object: "memo",
        field: "note",
        severity: "destructive",
        code: "field.removed",
        records: 2,
        message: expect.stringContaining("2 record"),
      },
    ]);
  });

  it("is accepted with force, and the values are gone: a field re-added under that name starts empty", async () => {
    const before = (await t.admin.get<{ records: Json[] }>("/api/v1/records/memo?sort=title")).body.records;
    const forced = await publish(true);
    expect(forced.status).toBe(200);
    expect(forced.body.impact).toEqual([expect.objectContaining({ code: "field.removed", records: 2 })]);
    await putObject("memo", text("note"));
    expect((await publish()).status).toBe(200);
    const after = (await t.admin.get<{ records: Json[] }>("/api/v1/records/memo?sort=title")).body.records;
    expect(after.map((r) => r.title)).toEqual(["a", "b", "c"]);
    expect(after.every((r) => !("note" in r))).toBe(true);
    const filtered = await t.admin.get<{ records: Json[] }>(
      `/api/v1/records/memo?filter=${encodeURIComponent(JSON.stringify({ "==": [{ var: "note" }, "first"] }))}`,
    );
    expect(filtered.body.records).toEqual([]);
    expect(before.map((r) => r.note)).toEqual(["first", "second", undefined]);
  });

  it("does not bring the old field's history back when the name is reused", async () => {
    await putObject("diary", text("secret"));
    expect((await publish()).status).toBe(200);
    const id = await create("diary", { title: "d", secret: "old-1" });
    expect((await t.admin.patch(`/api/v1/records/diary/${id}`, { secret: "old-2" }, 1)).status).toBe(200);
    await putObject("diary");
    expect((await publish(true)).status).toBe(200);
    await putObject("diary", text("secret"));
    expect((await publish()).status).toBe(200);
    const values = (await history("diary", id)).flatMap((e) => [e.oldValue, e.newValue]);
    expect(values).not.toContain("old-1");
    expect(values).not.toContain("old-2");
  });
});

describe("changing a field's type", () => {
  let ids: string[] = [];

  it("is refused with 409 saying how many records cannot convert", async () => {
    await putObject("parcel", text("size"));
    expect((await publish()).status).toBe(200);
    ids = [
      await create("parcel", { title: "twelve", size: "12" }),
      await create("parcel", { title: "words", size: "large" }),
      await create("parcel", { title: "decimal", size: " 7.5 " }),
      await create("parcel", { title: "empty" }),
    ];
    await putObject("parcel", number("size"));
    const impact = await expectRefused("parcel", ids, "publish.destructive");
    expect(impact).toEqual([
      expect.objectContaining({ object: "parcel", field: "size", code: "field.typeChanged", records: 1 }),
    ]);
    expect(impact[0]?.message).toContain("text -> number");
  });

  it("with force converts what converts, clears what does not, and records both in history", async () => {
    const forced = await publish(true);
    expect(forced.status).toBe(200);
    const [twelve, words, decimal, empty] = await readAll("parcel", ids);
    expect(twelve).toMatchObject({ size: 12, version: 2 });
    expect(decimal).toMatchObject({ size: 7.5, version: 2 });
    expect(words).toMatchObject({ version: 2 });
    expect(words).not.toHaveProperty("size");
    expect(empty).toMatchObject({ version: 1 });
    expect(empty).not.toHaveProperty("size");
    expect(await history("parcel", ids[0] as string)).toContainEqual(
      expect.objectContaining({ field: "size", oldValue: "12", newValue: 12, version: 2 }),
    );
    expect(await history("parcel", ids[1] as string)).toContainEqual(
      expect.objectContaining({ field: "size", oldValue: "large", newValue: null, version: 2 }),
    );
    const filtered = await t.admin.get<{ records: Json[] }>(
      `/api/v1/records/parcel?filter=${encodeURIComponent(JSON.stringify({ ">": [{ var: "size" }, 10] }))}`,
    );
    expect(filtered.body.records.map((r) => r.title)).toEqual(["twelve"]);
  });
});

describe("narrowing a field", () => {
  it("clears values a shorter maxLength or a removed picklist option no longer allows, with force", async () => {
    const stages = [option("new", "New"), option("open", "Open"), option("gone", "Gone")];
    await putObject("crate", text("code"), picklist("stage", { options: stages }));
    expect((await publish()).status).toBe(200);
    const long = await create("crate", { title: "long", code: "ABCDEFGHIJ", stage: "gone" });
    const short = await create("crate", { title: "short", code: "ABC", stage: "open" });
    await putObject(
      "crate",
      text("code", { maxLength: 5 }),
      picklist("stage", { options: stages.slice(0, 2) }),
    );
    const impact = await expectRefused("crate", [long, short], "publish.destructive");
    expect(impact.map((i) => [i.field, i.code, i.records])).toEqual([
      ["code", "field.maxLengthReduced", 1],
      ["stage", "field.optionsRemoved", 1],
    ]);
    expect((await publish(true)).status).toBe(200);
    const [l, s] = await readAll("crate", [long, short]);
    expect(l).not.toHaveProperty("code");
    expect(l).not.toHaveProperty("stage");
    expect(s).toMatchObject({ code: "ABC", stage: "open", version: 1 });
  });
});

describe("making a field required", () => {
  it("is refused with 409 counting the records without a value, and accepted with force", async () => {
    await putObject("lead2", text("source"));
    expect((await publish()).status).toBe(200);
    const ids = [
      await create("lead2", { title: "x" }),
      await create("lead2", { title: "y" }),
      await create("lead2", { title: "z", source: "web" }),
    ];
    await putObject("lead2", text("source", { required: true }));
    const impact = await expectRefused("lead2", ids, "publish.destructive");
    expect(impact).toEqual([
      expect.objectContaining({ field: "source", code: "field.requiredAdded", records: 2 }),
    ]);
    expect((await publish(true)).status).toBe(200);
    const refused = await t.admin.post("/api/v1/records/lead2", { title: "no source" });
    expect(expectProblem(refused, 422).errors).toEqual([expect.objectContaining({ path: "/source" })]);
  });

  it("counts a new required field with a default too: the default does not fill existing records", async () => {
    const ids = [await create("lead2", { title: "w", source: "mail" })];
    await putObject(
      "lead2",
      text("source", { required: true }),
      text("channel", { required: true, default: "web" }),
    );
    const impact = await expectRefused("lead2", ids, "publish.destructive");
    expect(impact).toEqual([
      expect.objectContaining({ field: "channel", code: "field.requiredAdded", records: 4 }),
    ]);
    expect((await publish(true)).status).toBe(200);
    const created = await t.admin.post("/api/v1/records/lead2", { title: "new", source: "web" });
    expect(created.body).toMatchObject({ channel: "web" });
  });
});

describe("removing an object that has records", () => {
  it("is refused with 409 counting its records, and with force drops them: a re-created object is empty", async () => {
    await putObject("crumb", text("note"));
    expect((await publish()).status).toBe(200);
    const ids = [
      await create("crumb", { title: "1" }),
      await create("crumb", { title: "2" }),
      await create("crumb", { title: "3" }),
    ];
    expect((await t.admin.request("DELETE", "/api/v1/metadata/draft/object/crumb")).status).toBe(204);
    const impact = await expectRefused("crumb", ids, "publish.destructive");
    expect(impact).toEqual([
      {
        object: "crumb",
        severity: "destructive",
        code: "object.removed",
        records: 3,
        message: expect.stringContaining("3 record"),
      },
    ]);
    expect((await publish(true)).status).toBe(200);
    expectProblem(await t.admin.get("/api/v1/records/crumb"), 404);
    await putObject("crumb", text("note"));
    expect((await publish()).status).toBe(200);
    const list = await t.admin.get<{ records: Json[]; total: number }>("/api/v1/records/crumb?count=true");
    expect(list.body).toMatchObject({ records: [], total: 0 });
    expectProblem(await t.admin.get(`/api/v1/records/crumb/${ids[0]}`), 404);
  });
});

describe("making a field unique over duplicate values", () => {
  it("is blocked even with force (409 publish.blocked) and changes nothing", async () => {
    await putObject("badge", text("code"));
    expect((await publish()).status).toBe(200);
    const ids = [
      await create("badge", { title: "a", code: "X1" }),
      await create("badge", { title: "b", code: "X1" }),
      await create("badge", { title: "c", code: "Y2" }),
    ];
    await putObject("badge", text("code", { unique: true }));
    const impact = await expectRefused("badge", ids, "publish.blocked");
    expect(impact).toEqual([
      expect.objectContaining({ field: "code", severity: "blocking", code: "field.uniqueAdded", records: 2 }),
    ]);
    const [version, records] = [await latestVersion(), await readAll("badge", ids)];
    const forced = await publish(true);
    expect(expectProblem(forced, 409).code).toBe("publish.blocked");
    expect(await latestVersion()).toBe(version);
    expect(await readAll("badge", ids)).toEqual(records);
    expect((await t.admin.post("/api/v1/records/badge", { title: "d", code: "X1" })).status).toBe(201);
  });

  it("publishes once the duplicates are fixed, and the store then enforces it", async () => {
    const dupes = await t.admin.get<{ records: Json[] }>(
      `/api/v1/records/badge?filter=${encodeURIComponent(JSON.stringify({ "==": [{ var: "code" }, "X1"] }))}`,
    );
    for (const [i, r] of dupes.body.records.entries()) {
      expect(
        (await t.admin.patch(`/api/v1/records/badge/${r.id}`, { code: `X1-${i}` }, Number(r.version))).status,
      ).toBe(200);
    }
    expect((await publish()).status).toBe(200);
    const dup = await t.admin.post("/api/v1/records/badge", { title: "e", code: "Y2" });
    expect(expectProblem(dup, 422).errors).toEqual([
      expect.objectContaining({ path: "/code", code: "field.notUnique" }),
    ]);
  });
});
