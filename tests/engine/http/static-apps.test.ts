import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let t: TestServer;
let dir: string;
let designer: string;
const INDEX = "<!doctype html><title>runtime</title><div id=root></div>";
const DESIGNER_INDEX = "<!doctype html><title>designer</title><div id=root></div>";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tessera-runtime-"));
  await mkdir(join(dir, "assets"));
  await writeFile(join(dir, "index.html"), INDEX);
  await writeFile(join(dir, "assets", "app-1234.js"), "console.log('app')");
  process.env.TESSERA_RUNTIME_DIR = dir;
  designer = await mkdtemp(join(tmpdir(), "tessera-designer-"));
  await mkdir(join(designer, "assets"));
  await writeFile(join(designer, "index.html"), DESIGNER_INDEX);
  await writeFile(join(designer, "assets", "designer-99.js"), "console.log('designer')");
  process.env.TESSERA_DESIGNER_DIR = designer;
  t = await startTestServer();
});
afterAll(async () => {
  delete process.env.TESSERA_RUNTIME_DIR;
  delete process.env.TESSERA_DESIGNER_DIR;
  await t?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(designer, { recursive: true, force: true });
});

const page = (path: string) =>
  fetch(`${t.server.url}${path}`, { headers: { accept: "text/html,*/*;q=0.8" } });

describe("the runtime app served at /", () => {
  it("answers a browser's navigation to any app route with index.html, not cached", async () => {
    for (const path of ["/", "/o/opportunity", "/o/opportunity/01ABC/edit", "/approvals"]) {
      const response = await page(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(await response.text()).toBe(INDEX);
    }
  });

  it("serves hashed assets cached for a year, under the strict CSP", async () => {
    const response = await fetch(`${t.server.url}/assets/app-1234.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("keeps API answers: an unknown API route is a 404 problem even for a browser", async () => {
    const response = await page("/api/v1/nothing");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("answers a missing asset and a non-browser client with 404 problem+json", async () => {
    expectProblem(await t.anonymous().get("/assets/missing.js"), 404);
    expectProblem(await t.anonymous().get("/o/opportunity"), 404);
  });
});

describe("the designer served at /designer", () => {
  it("answers a browser's navigation to any designer route with the designer's index.html", async () => {
    for (const path of ["/designer", "/designer/", "/designer/objects/siteVisit", "/designer/publish"]) {
      const response = await page(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(await response.text()).toBe(DESIGNER_INDEX);
    }
  });

  it("serves the designer's hashed assets, not the runtime's", async () => {
    const response = await fetch(`${t.server.url}/designer/assets/designer-99.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(await response.text()).toBe("console.log('designer')");
    expectProblem(await t.anonymous().get("/designer/assets/app-1234.js"), 404);
  });

  it("leaves a page merely starting with 'designer' to the runtime", async () => {
    expect(await (await page("/designers")).text()).toBe(INDEX);
  });
});
