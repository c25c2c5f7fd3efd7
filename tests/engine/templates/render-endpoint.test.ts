import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "../support/api-client.js";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { aTemplate, buildTemplateWorld, LIN_PASSWORD, type TemplateWorld } from "./template-readers.js";

type Json = Record<string, unknown>;

let t: TestServer;
let world: TemplateWorld;
let lin: ApiClient;

const print = aTemplate(
  "dealSheet",
  "print",
  { en: "<h1>{{record.name}}</h1><p>Amount: {{display.amount}}</p><p>Stage: {{display.stage}}</p>" },
  { object: "opportunity" },
);
const leadOnly = aTemplate("leadCard", "print", { en: "<p>{{record.company}}</p>" }, { object: "lead" });

beforeAll(async () => {
  t = await startTestServer();
  world = await buildTemplateWorld(t);
  for (const doc of [print, leadOnly])
    expect((await t.admin.put(`/api/v1/metadata/draft/template/${doc.name}`, doc)).status).toBe(200);
  expect((await t.admin.post("/api/v1/metadata/publish", {})).status).toBe(200);
  lin = apiClient(t.server.url);
  expect((await lin.login("demo", "lin", LIN_PASSWORD)).status).toBe(200);
}, 60_000);
afterAll(async () => t?.close());

const render = (client: ApiClient, id: string, template = "dealSheet") =>
  client.get<Json>(`/api/v1/records/opportunity/${id}/render/${template}`);

describe("rendering a template for the caller (print pages, previews)", () => {
  it("renders with the caller's field-level security: the admin sees the amount, lin does not", async () => {
    const id = world.hiddenLookupDeal.id;
    const asAdmin = await render(t.admin, id);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body).toMatchObject({ template: "dealSheet", purpose: "print", output: "html" });
    expect(String(asAdmin.body.body)).toContain("Amount: CN¥1,234.50");
    expect(String(asAdmin.body.body)).toContain("&lt;script&gt;");
    const asLin = await render(lin, id);
    expect(asLin.status).toBe(200);
    expect(String(asLin.body.body)).toContain("<p>Amount: </p>");
    // lin reads in Chinese: the stage's label is localised.
    expect(String(asLin.body.body)).toContain("<p>Stage: 方案报价</p>");
  });

  it("answers 404 for a record the caller cannot see, a template of another object, or no template", async () => {
    const adminOnly = await t.admin.post<Json>("/api/v1/records/opportunity", {
      name: "Admin only",
      stage: "proposal",
      closeDate: "2027-01-01",
    });
    expectProblem(await render(lin, String(adminOnly.body.id)), 404);
    expectProblem(await render(t.admin, world.hiddenLookupDeal.id, "leadCard"), 404);
    expectProblem(await render(t.admin, world.hiddenLookupDeal.id, "noSuchTemplate"), 404);
  });

  it("serves the HTML of a print template sandboxed: no scripts, no requests out", async () => {
    const response = await fetch(
      `${t.server.url}/api/v1/records/opportunity/${world.hiddenLookupDeal.id}/render/dealSheet?format=html`,
      { headers: { authorization: `Bearer ${t.admin.token}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("sandbox");
    expect(csp).toContain("default-src 'none'");
    expect(await response.text()).toContain("<h1>Deal &lt;script&gt;");
  });

  it("lists the object's templates for the runtime", async () => {
    const ui = await t.admin.get<{ templates: Json[] }>("/api/v1/ui/objects/opportunity");
    expect(ui.body.templates).toContainEqual({
      name: "dealSheet",
      label: { en: "dealSheet" },
      purpose: "print",
    });
    expect(ui.body.templates.map((x) => x.name)).not.toContain("leadCard");
  });
});
