import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { createAjv } from "@tessera/metadata";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { text } from "../../metadata/builders.js";
import { invoiceLineObject, invoiceObject } from "../support/invoice-objects.js";
import { anObject } from "../support/object-builder.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { runTypeScript, typecheck } from "../support/typescript-program.js";

type Json = Record<string, unknown>;
type Schema = { type?: unknown; properties: Record<string, Json>; required?: string[] };
type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Json>;
  components: { schemas: Record<string, Schema> };
};
type Described = { object: { fields: Array<{ name: string; type: string; readOnly?: boolean }> } };

const SYSTEM_FIELDS = ["id", "version", "ownerId", "createdAt", "createdBy", "updatedAt", "updatedBy"];
const COMPUTED_TYPES = new Set(["autoNumber", "formula", "rollupSummary"]);

let t: TestServer;
let doc: OpenApiDocument;
let clientDir: string;

beforeAll(async () => {
  t = await startTestServer();
  expect((await t.admin.put("/api/v1/metadata/draft/object/invoice", invoiceObject())).status).toBe(200);
  expect((await t.admin.put("/api/v1/metadata/draft/object/invoiceLine", invoiceLineObject())).status).toBe(
    200,
  );
  expect((await t.admin.post("/api/v1/metadata/publish", {})).status).toBe(200);
  // A draft that is never published: the document describes published metadata only.
  const draftOnly = anObject("shipment").withField(text("carrier")).build();
  expect((await t.admin.put("/api/v1/metadata/draft/object/shipment", draftOnly)).status).toBe(200);
  const response = await t.admin.get<OpenApiDocument>("/api/v1/openapi.json");
  expect(response.status).toBe(200);
  doc = response.body;
  clientDir = await mkdtemp(join(tmpdir(), "tessera-openapi-client-"));
}, 30_000);

afterAll(async () => {
  await t?.close();
  if (clientDir !== undefined) await rm(clientDir, { recursive: true, force: true });
});

const schemaOf = (name: string): Schema => {
  const schema = doc.components.schemas[name];
  if (schema === undefined) throw new Error(`no schema ${name}`);
  return schema;
};

describe("the OpenAPI document of a tenant", { timeout: 30_000 }, () => {
  it("is valid OpenAPI 3.1", async () => {
    expect(doc.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it("needs a signed-in caller", async () => {
    const response = await t.anonymous().get("/api/v1/openapi.json");
    expect(response.status).toBe(401);
  });

  it("has one schema per published object, with its record routes", async () => {
    const objects = await t.admin.get<{ objects: Array<{ name: string }> }>("/api/v1/metadata/objects");
    for (const { name } of objects.body.objects) {
      const typeName = name.charAt(0).toUpperCase() + name.slice(1);
      expect(doc.components.schemas[typeName], name).toBeDefined();
      expect(doc.components.schemas[`${typeName}Input`], name).toBeDefined();
      expect(Object.keys(doc.paths[`/api/v1/records/${name}`] ?? {}).sort()).toEqual(["get", "post"]);
      expect(Object.keys(doc.paths[`/api/v1/records/${name}/{id}`] ?? {}).sort()).toEqual([
        "delete",
        "get",
        "patch",
      ]);
    }
    expect(doc.components.schemas.Shipment).toBeUndefined();
    expect(doc.paths["/api/v1/records/shipment"]).toBeUndefined();
  });

  it("describes exactly the fields the metadata API shows the caller, after the system fields", async () => {
    for (const object of ["invoice", "invoiceLine", "account", "opportunity"]) {
      const described = await t.admin.get<Described>(`/api/v1/metadata/objects/${object}`);
      const fields = described.body.object.fields;
      const typeName = object.charAt(0).toUpperCase() + object.slice(1);
      expect(Object.keys(schemaOf(typeName).properties)).toEqual([
        ...SYSTEM_FIELDS,
        ...fields.map((f) => f.name),
      ]);
      const writable = fields
        .filter((f) => f.readOnly !== true && !COMPUTED_TYPES.has(f.type))
        .map((f) => f.name);
      expect(Object.keys(schemaOf(`${typeName}Input`).properties)).toEqual(writable);
    }
  });

  it("gives every field its type", () => {
    const types = Object.fromEntries(
      Object.entries(schemaOf("Invoice").properties).map(([name, s]) => [name, s.$ref ?? s.type]),
    );
    expect(types).toEqual({
      id: "string",
      version: "integer",
      ownerId: "string",
      createdAt: "string",
      createdBy: "string",
      updatedAt: "string",
      updatedBy: "string",
      number: "string",
      title: "string",
      notes: "string",
      body: "string",
      contactEmail: "string",
      phone: "string",
      website: "string",
      quantity: "integer",
      amount: "number",
      discount: "number",
      paid: "boolean",
      dueDate: "string",
      sentAt: "string",
      reminderAt: "string",
      status: "string",
      tags: "array",
      account: "#/components/schemas/Reference",
      approver: "#/components/schemas/Reference",
      gross: "number",
      location: "object",
      attachment: "object",
      linesTotal: "number",
      lineCount: "integer",
    });
    const invoice = schemaOf("Invoice").properties;
    expect(invoice.contactEmail).toMatchObject({ format: "email" });
    expect(invoice.dueDate).toMatchObject({ format: "date" });
    expect(invoice.sentAt).toMatchObject({ format: "date-time" });
    expect(invoice.discount).toMatchObject({ minimum: 0, maximum: 100 });
    expect(invoice.title).toMatchObject({ maxLength: 120 });
    expect(schemaOf("InvoiceLine").properties.invoice).toEqual({ $ref: "#/components/schemas/Reference" });
  });

  it("lists a picklist's values as its enum, in the output and the input", () => {
    expect(schemaOf("Invoice").properties.status).toMatchObject({ enum: ["draft", "sent", "paid"] });
    expect(schemaOf("Invoice").properties.tags).toMatchObject({ items: { enum: ["vip", "export", "rush"] } });
    expect(schemaOf("InvoiceInput").properties.status).toEqual({
      anyOf: [expect.objectContaining({ enum: ["draft", "sent", "paid"] }), { type: "null" }],
    });
    const stage = schemaOf("Opportunity").properties.stage;
    expect(stage?.enum).toEqual(
      expect.arrayContaining([
        "prospecting",
        "qualification",
        "proposal",
        "negotiation",
        "closedWon",
        "closedLost",
      ]),
    );
  });

  it("describes the records the API actually returns", async () => {
    const ajv = createAjv();
    ajv.addKeyword("components");
    ajv.addSchema({ $id: "urn:tessera:openapi", components: doc.components });
    const validInvoice = ajv.getSchema("urn:tessera:openapi#/components/schemas/Invoice");
    const validOpportunity = ajv.getSchema("urn:tessera:openapi#/components/schemas/Opportunity");
    if (validInvoice === undefined || validOpportunity === undefined)
      throw new Error("schemas did not compile");
    const accounts = await t.admin.get<{ records: Json[] }>("/api/v1/records/account?limit=1");
    const created = await t.admin.post("/api/v1/records/invoice", {
      title: "Described",
      amount: 12.5,
      quantity: 2,
      status: "sent",
      tags: ["vip"],
      account: accounts.body.records[0]?.id,
      dueDate: "2027-01-31",
      sentAt: "2026-11-20T10:00:00Z",
      reminderAt: "09:30",
      location: { lat: 1, lng: 2 },
      contactEmail: "described@example.com",
    });
    expect(created.status).toBe(201);
    expect(validInvoice(created.body), JSON.stringify(validInvoice.errors)).toBe(true);
    const opportunities = await t.admin.get<{ records: Json[] }>("/api/v1/records/opportunity?limit=50");
    expect(opportunities.body.records.length).toBeGreaterThan(0);
    for (const record of opportunities.body.records)
      expect(validOpportunity(record), JSON.stringify(validOpportunity.errors)).toBe(true);
    expect(validInvoice({ ...created.body, status: "archived" })).toBe(false);
  });
});

describe("a client generated from the document with openapi-typescript", { timeout: 30_000 }, () => {
  const program = (input: string) => `import type { paths } from "./api.js";

type Invoices = paths["/api/v1/records/invoice"];
type InvoiceInput = Invoices["post"]["requestBody"]["content"]["application/json"];
type Invoice = Invoices["post"]["responses"]["201"]["content"]["application/json"];
type InvoiceList = Invoices["get"]["responses"]["200"]["content"]["application/json"];

const baseUrl = String(process.env.TESSERA_URL);
const headers = { authorization: \`Bearer \${process.env.TESSERA_TOKEN}\`, "content-type": "application/json" };
const input: InvoiceInput = ${input};
const created = await fetch(\`\${baseUrl}/api/v1/records/invoice\`, { method: "POST", headers, body: JSON.stringify(input) });
if (created.status !== 201) throw new Error(\`create answered \${created.status}: \${await created.text()}\`);
const record = (await created.json()) as Invoice;
const listed = await fetch(\`\${baseUrl}/api/v1/records/invoice?limit=200&sort=-createdAt\`, { headers });
const page = (await listed.json()) as InvoiceList;
const found: Invoice | undefined = page.records.find((r) => r.id === record.id);
const status: "draft" | "sent" | "paid" | undefined = found?.status;
process.stdout.write(JSON.stringify({ id: record.id, number: record.number, listedTitle: found?.title, status }));
`;
  const goodInput = `{
  title: "Typed client",
  amount: 99.5,
  quantity: 3,
  paid: true,
  status: "paid",
  tags: ["vip", "rush"],
  dueDate: "2027-03-31",
  location: { lat: 31.2, lng: 121.5 },
}`;

  const writeProgram = async (name: string, input: string): Promise<string> => {
    const file = join(clientDir, name);
    await writeFile(file, program(input));
    return file;
  };

  beforeAll(async () => {
    const types = astToString(await openapiTS(structuredClone(doc) as never));
    await writeFile(join(clientDir, "api.ts"), types);
    await writeFile(join(clientDir, "package.json"), JSON.stringify({ type: "module" }));
  }, 30_000);

  it("typechecks a program that creates and lists invoices", async () => {
    const file = await writeProgram("client.ts", goodInput);
    expect(typecheck([file])).toEqual([]);
  });

  it("refuses to compile a field of the wrong type or a value outside a picklist", async () => {
    const files = [
      await writeProgram("wrong-type.ts", `{ title: "Wrong", amount: "lots" }`),
      await writeProgram("wrong-option.ts", `{ title: "Wrong", amount: 1, status: "archived" }`),
      await writeProgram("unknown-field.ts", `{ title: "Wrong", amount: 1, colour: "red" }`),
    ];
    expect(
      typecheck(files)
        .map(({ file, at }) => `${file}: ${at}`)
        .sort(),
    ).toEqual(["unknown-field.ts: colour", "wrong-option.ts: status", "wrong-type.ts: amount"]);
  });

  it("refuses to compile a create without a required field", async () => {
    const file = await writeProgram("missing-required.ts", `{ title: "No amount" }`);
    const problems = typecheck([file]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain("amount");
  });

  it("creates and lists an invoice against the live server", async () => {
    const file = await writeProgram("client.ts", goodInput);
    const run = await runTypeScript(file, {
      TESSERA_URL: t.server.url,
      TESSERA_TOKEN: String(t.admin.token),
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      id: string;
      number: string;
      listedTitle: string;
      status: string;
    };
    expect(result).toMatchObject({
      number: expect.stringMatching(/^INV-\d{4}$/),
      listedTitle: "Typed client",
      status: "paid",
    });
    const stored = await t.admin.get(`/api/v1/records/invoice/${result.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      title: "Typed client",
      amount: 99.5,
      quantity: 3,
      paid: true,
      status: "paid",
      tags: ["vip", "rush"],
      dueDate: "2027-03-31",
      location: { lat: 31.2, lng: 121.5 },
      number: result.number,
    });
  });
});
