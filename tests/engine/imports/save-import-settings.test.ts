import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.js";
import { expectProblem } from "../support/problem-assertions.js";
import { csv, type ImportView, type ImportWorld, startImportWorld, upload } from "./import-fixture.js";

let w: ImportWorld;
let id: string;

const HEADERS = ["Name", "Code", "Tier", "Rating", "Account", "Id"];

const uploaded = async (client: ApiClient = w.importer) => {
  const response = await upload(
    client,
    "vendor",
    "v.csv",
    csv([HEADERS, ["Acme", "A1", "gold", "5", "x", "y"]]),
  );
  expect(response.status).toBe(201);
  return response.body.id;
};

const put = (body: unknown, client: ApiClient = w.importer, target = id) =>
  client.put<ImportView>(`/api/v1/imports/${target}/settings`, body);

const insert = (mapping: unknown[], extra: Record<string, unknown> = {}) => ({
  mapping,
  mode: "insert",
  automation: true,
  ...extra,
});

/** A refused change leaves the import as it was: uploaded, without settings. */
const unchanged = async () => {
  const view = await w.importer.get<ImportView>(`/api/v1/imports/${id}`);
  expect(view.body.status).toBe("uploaded");
  expect(view.body.settings).toBeUndefined();
};

const codes = (response: Awaited<ReturnType<typeof put>>, status = 422) =>
  expectProblem(response, status).errors.map((e) => [e.path, e.code]);

beforeAll(async () => {
  w = await startImportWorld();
  id = await uploaded();
});

afterAll(async () => {
  await w?.close();
});

describe("saving an import's settings", () => {
  it("keeps the mapping, mode and options and marks the import mapped", async () => {
    const other = await uploaded();
    const response = await put(
      {
        mapping: [
          { column: "Name", field: "name", transform: { trim: false } },
          { column: "Code", field: "code" },
          {
            column: "Tier",
            field: "tier",
            transform: { valueMap: { "Gold Partner": "gold", "Silver Partner": "silver" } },
          },
          { column: "Account", field: "account", transform: { lookupBy: "id" } },
          { column: "Rating", field: null },
        ],
        mode: "upsert",
        matchField: "code",
        automation: false,
        dateFormat: "DD/MM/YYYY",
      },
      w.importer,
      other,
    );
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("mapped");
    expect(response.body.settings).toEqual({
      mapping: [
        { column: "Name", field: "name", transform: { trim: false } },
        { column: "Code", field: "code" },
        {
          column: "Tier",
          field: "tier",
          transform: { valueMap: { "Gold Partner": "gold", "Silver Partner": "silver" } },
        },
        { column: "Account", field: "account", transform: { lookupBy: "id" } },
        { column: "Rating", field: null },
      ],
      mode: "upsert",
      matchField: "code",
      automation: false,
      dateFormat: "DD/MM/YYYY",
    });
  });

  it("takes a value map as pairs too, for cell values a JSON key may not hold", async () => {
    const other = await uploaded();
    const response = await put(
      insert([
        { column: "Tier", field: "tier", transform: { valueMap: [{ from: "$gold.plus", to: "gold" }] } },
      ]),
      w.importer,
      other,
    );
    expect(response.status).toBe(200);
    expect(response.body.settings?.mapping).toEqual([
      { column: "Tier", field: "tier", transform: { valueMap: { "$gold.plus": "gold" } } },
    ]);
  });

  it("ignores a match field sent with an insert", async () => {
    const other = await uploaded();
    const response = await put(
      insert([{ column: "Name", field: "name" }], { matchField: "code" }),
      w.importer,
      other,
    );
    expect(response.status).toBe(200);
    expect(response.body.settings).not.toHaveProperty("matchField");
  });
});

describe("field-level security in a mapping", () => {
  it("refuses a field the user may read but not change", async () => {
    expect(codes(await put(insert([{ column: "Rating", field: "rating" }])))).toEqual([
      ["/mapping/0/field", "field.notEditable"],
    ]);
    await unchanged();
  });

  it("answers a field the user may not see as an unknown one", async () => {
    expect(codes(await put(insert([{ column: "Rating", field: "secret" }])))).toEqual([
      ["/mapping/0/field", "field.unknown"],
    ]);
    expect(codes(await put(insert([{ column: "Rating", field: "nope" }])))).toEqual([
      ["/mapping/0/field", "field.unknown"],
    ]);
    await unchanged();
  });

  it("refuses computed and system fields", async () => {
    expect(
      codes(
        await put(
          insert([
            { column: "Name", field: "displayName" },
            { column: "Code", field: "ownerId" },
          ]),
        ),
      ),
    ).toEqual([
      ["/mapping/0/field", "field.readOnly"],
      ["/mapping/1/field", "field.unknown"],
    ]);
    await unchanged();
  });
});

describe("a mapping that does not fit the file or the object", () => {
  it("refuses unknown columns, a column or field mapped twice, and nothing mapped", async () => {
    expect(
      codes(
        await put(
          insert([
            { column: "Nope", field: "name" },
            { column: "Code", field: "code" },
            { column: "Code", field: "email" },
            { column: "Tier", field: "code" },
          ]),
        ),
      ),
    ).toEqual([
      ["/mapping/0/column", "import.unknownColumn"],
      ["/mapping/2/column", "import.columnTwice"],
      ["/mapping/3/field", "import.fieldTwice"],
    ]);
    expect(codes(await put(insert([{ column: "Name", field: null }])))).toEqual([
      ["/mapping", "import.nothingMapped"],
    ]);
    await unchanged();
  });

  it("refuses transforms that do not fit their field", async () => {
    expect(
      codes(
        await put(
          insert([
            { column: "Tier", field: "tier", transform: { valueMap: { Gold: "platinum" } } },
            { column: "Name", field: "name", transform: { lookupBy: "name", trim: "yes", upper: true } },
            { column: "Account", field: "account", transform: { lookupBy: "industry" } },
          ]),
        ),
      ),
    ).toEqual([
      ["/mapping/0/transform/valueMap", "import.notAnOption"],
      ["/mapping/1/transform/upper", "import.unknownKey"],
      ["/mapping/1/transform/trim", "import.trim"],
      ["/mapping/1/transform/lookupBy", "import.notALookup"],
      ["/mapping/2/transform/lookupBy", "import.lookupBy"],
    ]);
    await unchanged();
  });

  it("refuses bad modes, options and unknown settings in one answer", async () => {
    expect(
      codes(
        await put({
          mapping: [{ column: "Name", field: "name" }],
          mode: "merge",
          automation: "no",
          dateFormat: "DD.MM.YY",
          duplicates: "skip",
        }),
      ),
    ).toEqual([
      ["/duplicates", "import.unknownKey"],
      ["/mode", "import.mode"],
      ["/automation", "import.automation"],
      ["/dateFormat", "import.dateFormat"],
    ]);
    await unchanged();
  });

  it("needs a mapped unique field (or id, to update) to match rows by", async () => {
    const name = { column: "Name", field: "name" };
    expect(codes(await put({ mapping: [name], mode: "update" }))).toEqual([
      ["/matchField", "field.required"],
    ]);
    expect(codes(await put({ mapping: [name], mode: "update", matchField: "name" }))).toEqual([
      ["/matchField", "import.matchField"],
    ]);
    expect(codes(await put({ mapping: [name], mode: "upsert", matchField: "code" }))).toEqual([
      ["/matchField", "import.matchNotMapped"],
    ]);
    expect(
      codes(await put({ mapping: [name, { column: "Id", field: "id" }], mode: "upsert", matchField: "id" })),
    ).toEqual([
      ["/matchField", "import.matchField"],
      ["/mapping/1/field", "import.idNotWritable"],
    ]);
    expect(codes(await put({ mapping: [name, { column: "Id", field: "id" }], mode: "insert" }))).toEqual([
      ["/mapping/1/field", "import.idNotWritable"],
    ]);
    await unchanged();
  });
});

describe("permissions of an import's mode", () => {
  it("needs create permission to insert and edit permission to update", async () => {
    const mine = await uploaded(w.editor);
    const mapping = [
      { column: "Code", field: "code" },
      { column: "Name", field: "name" },
    ];
    expectProblem(await put({ mapping, mode: "insert" }, w.editor, mine), 403);
    expectProblem(await put({ mapping, mode: "upsert", matchField: "code" }, w.editor, mine), 403);
    const view = await w.editor.get<ImportView>(`/api/v1/imports/${mine}`);
    expect(view.body.settings).toBeUndefined();
    const update = await put({ mapping, mode: "update", matchField: "code" }, w.editor, mine);
    expect(update.status).toBe(200);
  });

  it("may not change the settings of an import that ran", async () => {
    const mine = await uploaded();
    expect((await put(insert([{ column: "Name", field: "name" }]), w.importer, mine)).status).toBe(200);
    expect((await w.importer.post(`/api/v1/imports/${mine}/cancel`, {})).status).toBe(200);
    expectProblem(await put(insert([{ column: "Code", field: "name" }]), w.importer, mine), 409);
  });
});

describe("saved mappings", () => {
  const body = {
    object: "vendor",
    mapping: [
      { column: "供应商名称", field: "name" },
      { column: "Tier", field: "tier", transform: { valueMap: [{ from: "Gold.", to: "gold" }] } },
    ],
    mode: "upsert",
    matchField: "code",
    automation: false,
  };

  it("are saved by name per object, listed, replaced and deleted", async () => {
    const saved = await w.importer.put("/api/v1/import-mappings/ERP export", body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      name: "ERP export",
      object: "vendor",
      mapping: [
        { column: "供应商名称", field: "name" },
        { column: "Tier", field: "tier", transform: { valueMap: { "Gold.": "gold" } } },
      ],
      mode: "upsert",
      matchField: "code",
      automation: false,
    });
    expect(
      (await w.importer.put("/api/v1/import-mappings/客户导入", { object: "vendor", mapping: [] })).status,
    ).toBe(200);
    const list = await w.editor.get<{ mappings: Array<{ name: string }> }>(
      "/api/v1/import-mappings?object=vendor",
    );
    expect(list.body.mappings.map((m) => m.name)).toEqual(["ERP export", "客户导入"]);
    expect((await w.importer.delete("/api/v1/import-mappings/ERP%20export?object=vendor")).status).toBe(204);
    expectProblem(await w.importer.delete("/api/v1/import-mappings/ERP%20export?object=vendor"), 404);
    const after = await w.importer.get<{ mappings: Array<{ name: string }> }>(
      "/api/v1/import-mappings?object=vendor",
    );
    expect(after.body.mappings.map((m) => m.name)).toEqual(["客户导入"]);
  });

  it("refuse fields the saving user may not change, and users who may not import", async () => {
    const refused = await w.importer.put("/api/v1/import-mappings/bad", {
      object: "vendor",
      mapping: [{ column: "R", field: "rating" }],
    });
    expect(expectProblem(refused, 422).errors.map((e) => e.code)).toEqual(["field.notEditable"]);
    expectProblem(await w.viewer.put("/api/v1/import-mappings/mine", body), 403);
    expectProblem(await w.viewer.get("/api/v1/import-mappings?object=vendor"), 403);
    const list = await w.importer.get<{ mappings: Array<{ name: string }> }>(
      "/api/v1/import-mappings?object=vendor",
    );
    expect(list.body.mappings.map((m) => m.name)).toEqual(["客户导入"]);
  });
});
