import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "../support/api-client.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Row = Record<string, unknown>;
type Listing = { installed: Row[]; available: Row[] };

let t: TestServer;
let rep: ApiClient;

beforeAll(async () => {
  t = await startTestServer();
  const created = await t.admin.post("/api/v1/users", {
    username: "pkg.rep",
    name: "Package Rep",
    email: "pkg.rep@example.com",
    profile: "standardUser",
    password: "pkg-rep-password",
  });
  expect(created.status).toBe(201);
  rep = apiClient(t.server.url);
  await rep.login("demo", "pkg.rep", "pkg-rep-password");
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe("GET /api/v1/packages", () => {
  it("lists what the tenant has installed and what the server offers", async () => {
    const res = await t.admin.get<Listing>("/api/v1/packages");
    expect(res.status).toBe(200);
    expect(res.body.installed.map((p) => p.name)).toEqual(["sales"]);
    expect(res.body.installed[0]).toMatchObject({ label: { en: "Sales", "zh-CN": "销售管理" } });
    expect(res.body.available.map((p) => p.name)).toEqual(
      expect.arrayContaining(["sales", "manufacturing", "customer-feedback"]),
    );
  });

  it("is for metadata administrators only", async () => {
    expect((await rep.get("/api/v1/packages")).status).toBe(403);
    expect((await t.anonymous().get("/api/v1/packages")).status).toBe(401);
  });
});

describe("POST /api/v1/packages/{name}/install", () => {
  it("refuses bad options and unknown packages, installing nothing", async () => {
    const bad = await t.admin.post<{ errors: Row[] }>("/api/v1/packages/customer-feedback/install", {
      force: "yes",
      dryRun: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(["/dryRun", "/force"]);
    const unknown = await t.admin.post("/api/v1/packages/bakery/install", {});
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    expect((await rep.post("/api/v1/packages/customer-feedback/install", {})).status).toBe(403);
    const listed = await t.admin.get<Listing>("/api/v1/packages");
    expect(listed.body.installed.map((p) => p.name)).toEqual(["sales"]);
  });

  it("installs a package of the plugins folder through publish, audited, then reports it unchanged", async () => {
    const res = await t.admin.post<Row>("/api/v1/packages/customer-feedback/install", { sampleData: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ package: "customer-feedback", version: "1.0.0", status: "installed" });
    expect(res.body.changes).toContainEqual({ kind: "object", name: "feedback", change: "added" });
    const audit = await t.admin.get<{ events: Row[] }>("/api/v1/audit?type=metadata.published&limit=5");
    expect(audit.body.events[0]?.details).toMatchObject({ version: res.body.metadataVersion });
    const again = await t.admin.post<Row>("/api/v1/packages/customer-feedback/install", {});
    expect(again.body).toMatchObject({ status: "unchanged" });
    expect(again.body.changes).toBeUndefined();
    const feedback = await t.admin.get<{ records: Row[] }>("/api/v1/records/feedback");
    expect(feedback.status).toBe(200);
  });
});

describe("GET /api/v1/packages/export", () => {
  it("returns the tenant's metadata as a package", async () => {
    const res = await t.admin.get<{ manifest: Row; documents: Row[] }>(
      "/api/v1/packages/export?name=demo-copy",
    );
    expect(res.status).toBe(200);
    expect(res.body.manifest).toMatchObject({ kind: "package", name: "demo-copy", metadata: ["metadata/"] });
    expect(res.body.documents.some((d) => d.kind === "package")).toBe(false);
    expect(res.body.documents.some((d) => d.kind === "object" && d.name === "lead")).toBe(true);
    const bad = await t.admin.get<{ errors: Row[] }>("/api/v1/packages/export?name=Not%20A%20Name");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: "/name" });
    expect((await rep.get("/api/v1/packages/export")).status).toBe(403);
  });
});
