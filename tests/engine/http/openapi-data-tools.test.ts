import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { text } from "../../metadata/builders.js";
import { createUser } from "../../security/support/org-admin.js";
import type { ApiClient, ApiResponse } from "../support/api-client.js";
import { anObject } from "../support/object-builder.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Json = Record<string, unknown>;
type Operation = {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: Json }>;
  requestBody?: { required?: boolean; content: Record<string, { schema: Json; encoding?: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }>; headers?: Json }>;
};
type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
};

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The routes every signed-in caller has, with their methods. */
const SHARED_PATHS: Record<string, string[]> = {
  "/api/v1/reports": ["get"],
  "/api/v1/reports/{name}/results": ["get"],
  "/api/v1/dashboards": ["get"],
  "/api/v1/dashboards/{name}": ["get"],
  "/api/v1/dashboards/{name}/layout": ["delete", "put"],
  "/api/v1/duplicates/jobs": ["get", "post"],
  "/api/v1/duplicates/jobs/{id}": ["get"],
  "/api/v1/duplicates/jobs/{id}/groups": ["get"],
  "/api/v1/duplicates/check/{object}": ["post"],
  "/api/v1/merges": ["get"],
  "/api/v1/merges/{id}/undo": ["post"],
  "/api/v1/imports": ["get", "post"],
  "/api/v1/imports/{id}": ["delete", "get"],
  "/api/v1/imports/{id}/settings": ["put"],
  "/api/v1/imports/{id}/dry-run": ["post"],
  "/api/v1/imports/{id}/run": ["post"],
  "/api/v1/imports/{id}/cancel": ["post"],
  "/api/v1/imports/{id}/errors.csv": ["get"],
  "/api/v1/import-mappings": ["get"],
  "/api/v1/import-mappings/{name}": ["delete", "put"],
};

let t: TestServer;
let rep: ApiClient;
let doc: OpenApiDocument;
let repDoc: OpenApiDocument;

beforeAll(async () => {
  t = await startTestServer();
  // Its record routes' operationIds (getDashboard, ...) must not collide with the dashboard routes'.
  const dashboardObject = anObject("dashboard").withField(text("title")).build();
  expect((await t.admin.put("/api/v1/metadata/draft/object/dashboard", dashboardObject)).status).toBe(200);
  expect((await t.admin.post("/api/v1/metadata/publish", {})).status).toBe(200);
  rep = (await createUser(t.admin, "demo", { username: "rep" })).client;
  doc = (await t.admin.get<OpenApiDocument>("/api/v1/openapi.json")).body;
  repDoc = (await rep.get<OpenApiDocument>("/api/v1/openapi.json")).body;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const operation = (d: OpenApiDocument, path: string, method: string): Operation => {
  const found = d.paths[path]?.[method];
  if (found === undefined) throw new Error(`no ${method} ${path}`);
  return found;
};

const methodsOf = (d: OpenApiDocument, path: string) => Object.keys(d.paths[path] ?? {}).sort();

const objectsWith = (d: OpenApiDocument, pattern: RegExp): string[] =>
  Object.keys(d.paths)
    .flatMap((path) => {
      const match = pattern.exec(path);
      return match?.[1] === undefined ? [] : [match[1]];
    })
    .sort();

describe("the OpenAPI paths of reports, dashboards, duplicates, merges, exports and imports", () => {
  it("leaves the document valid OpenAPI 3.1, for the admin and for a standard user", async () => {
    for (const d of [doc, repDoc]) {
      expect(d.openapi).toBe("3.1.0");
      await expect(SwaggerParser.validate(structuredClone(d) as never)).resolves.toBeDefined();
    }
  });

  it("gives every operation its own operationId, also beside an object named dashboard", () => {
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(operation(doc, "/api/v1/records/dashboard/{id}", "get").operationId).toBe("getDashboard");
    expect(operation(doc, "/api/v1/dashboards/{name}", "get").operationId).toBe("readDashboard");
  });

  it("describes the report, dashboard, duplicate, merge and import routes with their methods", () => {
    for (const d of [doc, repDoc])
      for (const [path, methods] of Object.entries(SHARED_PATHS))
        expect(methodsOf(d, path), path).toEqual(methods);
  });

  it("declares every path parameter of those routes as a required string in the path", () => {
    for (const path of Object.keys(SHARED_PATHS)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const method of methodsOf(doc, path)) {
        const inPath = (operation(doc, path, method).parameters ?? []).filter((p) => p.in === "path");
        expect(
          inPath.map((p) => [p.name, p.required, p.schema.type]),
          `${method} ${path}`,
        ).toEqual(names.map((name) => [name, true, "string"]));
      }
    }
  });

  it("answers every refusal of those routes as problem+json", () => {
    for (const path of Object.keys(SHARED_PATHS))
      for (const method of methodsOf(doc, path))
        for (const [status, response] of Object.entries(operation(doc, path, method).responses))
          if (Number(status) >= 400)
            expect(response.content, `${status} of ${method} ${path}`).toEqual({
              "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
            });
  });

  it("describes the query parameters of the lists", () => {
    const queryOf = (path: string) =>
      (operation(doc, path, "get").parameters ?? [])
        .filter((p) => p.in === "query")
        .map((p) => [p.name, p.required === true]);
    expect(queryOf("/api/v1/duplicates/jobs")).toEqual([["object", true]]);
    expect(queryOf("/api/v1/duplicates/jobs/{id}/groups")).toEqual([
      ["limit", false],
      ["cursor", false],
    ]);
    expect(queryOf("/api/v1/merges")).toEqual([["object", true]]);
    expect(queryOf("/api/v1/imports")).toEqual([
      ["object", false],
      ["limit", false],
      ["cursor", false],
    ]);
    expect(queryOf("/api/v1/import-mappings")).toEqual([["object", true]]);
  });

  it("describes an export of every object the caller may read, with the list parameters, CSV and XLSX", () => {
    for (const d of [doc, repDoc])
      expect(objectsWith(d, /^\/api\/v1\/records\/(\w+)\/export$/)).toEqual(
        objectsWith(d, /^\/api\/v1\/records\/(\w+)$/),
      );
    expect(objectsWith(repDoc, /^\/api\/v1\/records\/(\w+)$/).length).toBeLessThan(
      objectsWith(doc, /^\/api\/v1\/records\/(\w+)$/).length,
    );
    // Assigning permission sets is the administrator's: the standard user cannot even read them.
    expect(doc.paths["/api/v1/records/permissionSetAssignment/export"]).toBeDefined();
    expect(repDoc.paths["/api/v1/records/permissionSetAssignment/export"]).toBeUndefined();
    const exported = operation(doc, "/api/v1/records/account/export", "get");
    expect(methodsOf(doc, "/api/v1/records/account/export")).toEqual(["get"]);
    expect(exported.operationId).toBe("exportAccount");
    expect(exported.parameters?.map((p) => [p.name, p.in])).toEqual(
      ["format", "view", "filter", "sort", "q", "fields", "scope"].map((name) => [name, "query"]),
    );
    expect(exported.parameters?.[0]?.schema).toEqual({ enum: ["csv", "xlsx"], default: "csv" });
    expect(exported.parameters?.[6]?.schema).toEqual({ enum: ["all", "mine", "team"] });
    const ok = exported.responses["200"];
    expect(Object.keys(ok?.content ?? {})).toEqual(["text/csv", XLSX]);
    expect(Object.keys(ok?.headers ?? {})).toEqual(["Content-Disposition"]);
    expect(Object.keys(exported.responses).sort()).toEqual(["200", "400", "404"]);
  });

  it("describes a merge of each object the caller may edit and delete, never of users", () => {
    const adminMerges = objectsWith(doc, /^\/api\/v1\/records\/(\w+)\/merge$/);
    const repMerges = objectsWith(repDoc, /^\/api\/v1\/records\/(\w+)\/merge$/);
    expect(adminMerges).toEqual(expect.arrayContaining(["account", "contact", "product", "dashboard"]));
    expect(adminMerges).not.toContain("user");
    // A standard user works with accounts, and only reads products and users.
    expect(repMerges).toEqual(expect.arrayContaining(["account", "contact", "lead", "opportunity"]));
    expect(repMerges).not.toContain("product");
    expect(repMerges).not.toContain("user");
    expect(repDoc.paths["/api/v1/records/product/export"]).toBeDefined();
    const merge = operation(doc, "/api/v1/records/account/merge", "post");
    expect(methodsOf(doc, "/api/v1/records/account/merge")).toEqual(["post"]);
    expect(merge.operationId).toBe("mergeAccount");
    const body = merge.requestBody?.content["application/json"]?.schema as {
      required: string[];
      properties: Record<string, Json>;
      additionalProperties: boolean;
    };
    expect(body.required).toEqual(["survivorId", "mergedIds"]);
    expect(body.additionalProperties).toBe(false);
    expect(body.properties.mergedIds).toMatchObject({ minItems: 1, maxItems: 2, uniqueItems: true });
    expect(body.properties.values).toMatchObject({ $ref: "#/components/schemas/AccountInput" });
    expect(merge.responses["200"]?.content?.["application/json"]?.schema).toMatchObject({
      properties: { survivor: { $ref: "#/components/schemas/Account" }, mergeId: { type: "string" } },
    });
    expect(Object.keys(merge.responses).sort()).toEqual(["200", "403", "404", "409", "422", "423"]);
  });

  it("describes the upload as multipart/form-data with the fields object, encoding and file", () => {
    const upload = operation(doc, "/api/v1/imports", "post");
    expect(upload.requestBody?.required).toBe(true);
    expect(Object.keys(upload.requestBody?.content ?? {})).toEqual(["multipart/form-data"]);
    const form = upload.requestBody?.content["multipart/form-data"];
    expect(form?.schema).toMatchObject({
      type: "object",
      required: ["object", "file"],
      properties: {
        object: { type: "string" },
        encoding: { enum: ["utf-8", "gb18030"] },
        file: { type: "string", format: "binary" },
      },
    });
    expect(form?.encoding).toEqual({ file: { contentType: `text/csv, ${XLSX}, application/octet-stream` } });
    expect(Object.keys(upload.responses).sort()).toEqual(["201", "400", "403", "404", "413", "415", "422"]);
    expect(upload.responses["201"]?.content?.["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/ImportView",
    });
  });

  it("describes the error report as text/csv and the other import answers as JSON", () => {
    const report = operation(doc, "/api/v1/imports/{id}/errors.csv", "get");
    expect(Object.keys(report.responses["200"]?.content ?? {})).toEqual(["text/csv"]);
    for (const path of Object.keys(SHARED_PATHS).filter((p) => p.startsWith("/api/v1/import")))
      for (const method of methodsOf(doc, path)) {
        const ok = Object.entries(operation(doc, path, method).responses).filter(([s]) => Number(s) < 300);
        for (const [status, response] of ok)
          expect(Object.keys(response.content ?? {}), `${status} of ${method} ${path}`).toEqual(
            path.endsWith("errors.csv") ? ["text/csv"] : status === "204" ? [] : ["application/json"],
          );
      }
  });
});

// The schemas the document gives each answer, checked against what the running server answers.
// As createAjv of @tessera/metadata, with the union types ({type: ["string", "null"]}) OpenAPI 3.1 uses.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
(ajvFormats as unknown as { default: (a: Ajv2020, o: { mode: "fast" }) => Ajv2020 }).default(ajv, {
  mode: "fast",
});
ajv.addKeyword("components");
let componentsAdded = false;

/** `#/components/...` of a schema taken out of the document, pointed at the document's components. */
const anchored = (schema: Json): Json =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"urn:tessera:openapi#/components/'));

const check = (schema: Json | undefined, value: unknown, what: string) => {
  if (!componentsAdded) {
    ajv.addSchema({ $id: "urn:tessera:openapi", components: doc.components });
    componentsAdded = true;
  }
  if (schema === undefined) throw new Error(`no schema for ${what}`);
  const validate = ajv.compile(anchored(schema));
  expect(validate(value), `${what}: ${JSON.stringify(validate.errors)}`).toBe(true);
};

/** Checks an answer against the schema described for its path, method and status. */
const answers = <T>(path: string, method: string, response: ApiResponse<T>, status: number): T => {
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  const described = operation(doc, path, method).responses[String(status)];
  expect(described, `${status} of ${method} ${path} is described`).toBeDefined();
  if (described?.content === undefined) return response.body;
  const media = status >= 400 ? "application/problem+json" : "application/json";
  check(described?.content?.[media]?.schema, response.body, `${status} of ${method} ${path}`);
  return response.body;
};

/** Checks a request body the server takes against the schema described for it. */
const sends = (path: string, method: string, body: unknown) =>
  check(
    operation(doc, path, method).requestBody?.content["application/json"]?.schema,
    body,
    `${method} ${path}`,
  );

describe("the described schemas and what the API answers", { timeout: 30_000 }, () => {
  it("match for reports and dashboards", async () => {
    const { reports } = answers(
      "/api/v1/reports",
      "get",
      await t.admin.get<{ reports: Json[] }>("/api/v1/reports"),
      200,
    );
    expect(reports.map((r) => r.name)).toContain("pipelineByStage");
    for (const name of ["pipelineByStage", "openPipelineTotal", "wonByMonth"])
      answers(
        "/api/v1/reports/{name}/results",
        "get",
        await t.admin.get(`/api/v1/reports/${name}/results`),
        200,
      );
    answers(
      "/api/v1/reports/{name}/results",
      "get",
      await t.admin.get("/api/v1/reports/nothing/results"),
      404,
    );
    answers("/api/v1/dashboards", "get", await t.admin.get("/api/v1/dashboards"), 200);
    const board = answers(
      "/api/v1/dashboards/{name}",
      "get",
      await t.admin.get<{ widgets: Json[] }>("/api/v1/dashboards/salesDashboard"),
      200,
    );
    const layout = { widgets: board.widgets.map(({ name, x, y, w, h }) => ({ name, x, y, w, h })) };
    sends("/api/v1/dashboards/{name}/layout", "put", layout);
    answers(
      "/api/v1/dashboards/{name}/layout",
      "put",
      await t.admin.put("/api/v1/dashboards/salesDashboard/layout", layout),
      200,
    );
    answers(
      "/api/v1/dashboards/{name}/layout",
      "put",
      await t.admin.put("/api/v1/dashboards/salesDashboard/layout", { widgets: [] }),
      422,
    );
    answers(
      "/api/v1/dashboards/{name}/layout",
      "delete",
      await t.admin.request("DELETE", "/api/v1/dashboards/salesDashboard/layout"),
      200,
    );
  });

  it("match for finding duplicates, merging and undoing a merge", async () => {
    const first = await t.admin.post<Json>("/api/v1/records/account", { name: "Zephyr Optics Co., Ltd." });
    const second = await t.admin.post<Json>("/api/v1/records/account", { name: "Zephyr Optics Ltd" });
    expect([first.status, second.status]).toEqual([201, 201]);
    const { matches } = answers(
      "/api/v1/duplicates/check/{object}",
      "post",
      await t.admin.post<{ matches: Json[] }>("/api/v1/duplicates/check/account", {
        values: { name: "Zephyr Optics" },
      }),
      200,
    );
    expect(matches.length).toBeGreaterThan(0);
    sends("/api/v1/duplicates/jobs", "post", { object: "account" });
    const job = answers(
      "/api/v1/duplicates/jobs",
      "post",
      await t.admin.post<{ id: string }>("/api/v1/duplicates/jobs", { object: "account" }),
      202,
    );
    let status = "running";
    for (let i = 0; i < 200 && status === "running"; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = answers(
        "/api/v1/duplicates/jobs/{id}",
        "get",
        await t.admin.get<{ status: string }>(`/api/v1/duplicates/jobs/${job.id}`),
        200,
      ).status;
    }
    expect(status).toBe("completed");
    answers(
      "/api/v1/duplicates/jobs",
      "get",
      await t.admin.get("/api/v1/duplicates/jobs?object=account"),
      200,
    );
    const { groups } = answers(
      "/api/v1/duplicates/jobs/{id}/groups",
      "get",
      await t.admin.get<{ groups: Json[] }>(`/api/v1/duplicates/jobs/${job.id}/groups?limit=5`),
      200,
    );
    expect(groups.length).toBeGreaterThan(0);
    answers("/api/v1/duplicates/jobs", "get", await t.admin.get("/api/v1/duplicates/jobs"), 400);

    const request = {
      survivorId: first.body.id,
      mergedIds: [second.body.id],
      values: { phone: "+86 21 5555 0101" },
    };
    sends("/api/v1/records/account/merge", "post", request);
    const merged = answers(
      "/api/v1/records/account/merge",
      "post",
      await t.admin.post<{ mergeId: string }>("/api/v1/records/account/merge", request),
      200,
    );
    answers("/api/v1/merges", "get", await t.admin.get("/api/v1/merges?object=account"), 200);
    answers(
      "/api/v1/merges/{id}/undo",
      "post",
      await t.admin.post(`/api/v1/merges/${merged.mergeId}/undo`),
      200,
    );
    answers(
      "/api/v1/merges/{id}/undo",
      "post",
      await t.admin.post(`/api/v1/merges/${merged.mergeId}/undo`),
      409,
    );
  });

  it("match for an export's media types", async () => {
    for (const [format, media] of [
      ["csv", "text/csv"],
      ["xlsx", XLSX],
    ] as const) {
      const response = await fetch(`${t.server.url}/api/v1/records/account/export?format=${format}`, {
        headers: { authorization: `Bearer ${t.admin.token}` },
      });
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")?.split(";")[0]).toBe(media);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    }
    answers(
      "/api/v1/records/account/export",
      "get",
      await t.admin.get("/api/v1/records/account/export?format=pdf"),
      400,
    );
  });

  it("match for an import from upload to dry run, its error report and a saved mapping", async () => {
    const form = new FormData();
    form.append("object", "account");
    // The second row has no name, which an account needs: the dry run reports it.
    const rows = "name,phone\r\nNimbus Freight,+86 10 5555 0199\r\n,+86 10 5555 0100\r\n";
    form.append("file", new Blob([rows]), "accounts.csv");
    const uploaded = await fetch(`${t.server.url}/api/v1/imports`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.admin.token}` },
      body: form,
    });
    const view = answers(
      "/api/v1/imports",
      "post",
      { status: uploaded.status, headers: uploaded.headers, body: (await uploaded.json()) as { id: string } },
      201,
    );
    const path = `/api/v1/imports/${view.id}`;
    answers("/api/v1/imports/{id}", "get", await t.admin.get(path), 200);
    answers("/api/v1/imports", "get", await t.admin.get("/api/v1/imports?object=account&limit=5"), 200);
    const settings = {
      mapping: [
        { column: "name", field: "name", transform: { trim: true } },
        { column: "phone", field: "phone" },
      ],
      mode: "insert",
      automation: false,
    };
    sends("/api/v1/imports/{id}/settings", "put", settings);
    answers("/api/v1/imports/{id}/settings", "put", await t.admin.put(`${path}/settings`, settings), 200);
    const dryRun = answers(
      "/api/v1/imports/{id}/dry-run",
      "post",
      await t.admin.post<{ dryRun: { wouldFail: number } }>(`${path}/dry-run`),
      200,
    );
    expect(dryRun.dryRun.wouldFail).toBe(1);
    answers("/api/v1/imports/{id}/cancel", "post", await t.admin.post(`${path}/cancel`), 200);
    answers("/api/v1/imports/{id}/cancel", "post", await t.admin.post(`${path}/cancel`), 409);
    const report = await t.admin.get(`${path}/errors.csv`);
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")?.split(";")[0]).toBe("text/csv");
    answers("/api/v1/imports/{id}", "delete", await t.admin.request("DELETE", path), 204);
    answers("/api/v1/imports/{id}", "get", await t.admin.get(path), 404);

    const saved = { object: "account", mapping: settings.mapping, mode: "insert", automation: false };
    sends("/api/v1/import-mappings/{name}", "put", saved);
    answers(
      "/api/v1/import-mappings/{name}",
      "put",
      await t.admin.put("/api/v1/import-mappings/Accounts", saved),
      200,
    );
    answers(
      "/api/v1/import-mappings",
      "get",
      await t.admin.get("/api/v1/import-mappings?object=account"),
      200,
    );
    answers("/api/v1/import-mappings", "get", await t.admin.get("/api/v1/import-mappings"), 422);
  });
});
