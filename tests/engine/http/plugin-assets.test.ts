import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registerCustomFieldType } from "@tessera/metadata";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pluginAssets } from "../../../engine/src/http/plugin-assets.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

const STARS = "export const widget = ({ React }) => () => React.createElement('span', null, '★');";
const SCORE = "export const widget = ({ React }) => () => React.createElement('b', null, 'score');";

let root: string;
let outside: string;
let server: Server;
let base: string;

/** A plugins folder with a `ratings` package (two widgets, other files beside them) and a `broken` one. */
const writePlugins = async () => {
  root = await mkdtemp(join(tmpdir(), "tessera-plugins-"));
  outside = await mkdtemp(join(tmpdir(), "tessera-outside-"));
  await writeFile(join(outside, "secret.js"), "export const secret = 'outside';");
  const ratings = join(root, "ratings");
  await mkdir(join(ratings, "widgets"), { recursive: true });
  await mkdir(join(ratings, "dist"), { recursive: true });
  await writeFile(
    join(ratings, "manifest.json"),
    JSON.stringify({
      kind: "package",
      name: "ratings",
      version: "1.0.0",
      label: { en: "Ratings", "zh-CN": "评分" },
      tessera: "^0.1.0",
      metadata: ["metadata/"],
      server: "dist/server.js",
      widgets: [
        { name: "stars", kind: "field", entry: "widgets/stars.js" },
        { name: "score", kind: "panel", entry: "./widgets/score.js" },
        { name: "gone", kind: "field", entry: "widgets/gone.js" },
        { name: "leak", kind: "panel", entry: "widgets/leak.js" },
      ],
    }),
  );
  await writeFile(join(ratings, "widgets", "stars.js"), STARS);
  await writeFile(join(ratings, "widgets", "score.js"), SCORE);
  await writeFile(join(ratings, "widgets", "draft.js"), "export const widget = () => null;");
  await writeFile(join(ratings, "dist", "server.js"), "export const plugin = {};");
  await writeFile(join(ratings, "sample-data.json"), '{"records": []}');
  await symlink(join(outside, "secret.js"), join(ratings, "widgets", "leak.js"));
  await mkdir(join(root, "broken"));
  await writeFile(join(root, "broken", "manifest.json"), "{ not json");
  await writeFile(join(root, "broken", "widget.js"), "export const widget = () => null;");
};

beforeAll(async () => {
  await writePlugins();
  const dirs = new Map([
    ["ratings", join(root, "ratings")],
    ["broken", join(root, "broken")],
  ]);
  const app = express();
  app.use("/plugins", pluginAssets({ dirOf: (name) => dirs.get(name) }));
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const load = (path: string) => fetch(`${base}${path}`);

const expectNotFound = async (path: string) => {
  const response = await load(path);
  expect(response.status, path).toBe(404);
  expect(response.headers.get("content-type"), path).toMatch(/^application\/problem\+json/);
  const body = await response.text();
  expect(body).not.toContain("export const");
  return body;
};

describe("plugin widget modules served at /plugins/<package>/<entry>", () => {
  it("serves a declared field widget's module as JavaScript, revalidated on every load", async () => {
    const response = await load("/plugins/ratings/widgets/stars.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toBe(STARS);
  });

  it("serves an entry the manifest writes with a leading ./ at its plain path", async () => {
    const response = await load("/plugins/ratings/widgets/score.js");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(SCORE);
  });

  it("answers 404 for files of the package that are not a widget entry", async () => {
    for (const path of [
      "/plugins/ratings/widgets/draft.js",
      "/plugins/ratings/manifest.json",
      "/plugins/ratings/dist/server.js",
      "/plugins/ratings/sample-data.json",
      "/plugins/ratings/widgets",
      "/plugins/ratings/widgets/",
      "/plugins/ratings",
    ]) {
      await expectNotFound(path);
    }
  });

  it("answers 404 for a package that is not in the plugins folder", async () => {
    await expectNotFound("/plugins/sales/widgets/stars.js");
    await expectNotFound("/plugins/__proto__/widgets/stars.js");
  });

  it("answers 404 for a declared entry missing on disk, and for a package whose manifest is broken", async () => {
    await expectNotFound("/plugins/ratings/widgets/gone.js");
    await expectNotFound("/plugins/broken/widget.js");
  });

  it("never leaves the package: encoded dot segments, other packages, links out", async () => {
    for (const path of [
      "/plugins/ratings/%2e%2e/broken/widget.js",
      "/plugins/ratings/widgets%2f..%2fmanifest.json",
      "/plugins/ratings/widgets/..%2F..%2Fbroken%2Fwidget.js",
      "/plugins/ratings/.%2Fwidgets%2Fstars.js/..",
      "/plugins/ratings/%2Fetc%2Fpasswd",
    ]) {
      await expectNotFound(path);
    }
    // Declared, but a link to a file outside the package.
    expect(await expectNotFound("/plugins/ratings/widgets/leak.js")).not.toContain("outside");
  });

  it("answers other methods with 404", async () => {
    const response = await fetch(`${base}/plugins/ratings/widgets/stars.js`, { method: "POST" });
    expect(response.status).toBe(404);
  });
});

describe("the runtime's bootstrap lists the widgets of the tenant's installed packages", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("gives each widget of a published package document its module URL, and the custom field types", async () => {
    registerCustomFieldType({
      name: "starRating",
      label: { en: "Star rating", "zh-CN": "星级" },
      base: "number",
      valueSchema: { type: "integer", minimum: 1, maximum: 5 },
      uiSchema: { "ui:widget": "ratings.stars" },
    });
    const before = await t.admin.get<{ widgets: unknown[] }>("/api/v1/ui/bootstrap");
    expect(before.body.widgets).not.toContainEqual(expect.objectContaining({ package: "ratings" }));
    const manifest = {
      kind: "package",
      name: "ratings",
      version: "1.0.0",
      label: { en: "Ratings", "zh-CN": "评分" },
      tessera: "^0.1.0",
      metadata: [],
      widgets: [
        { name: "stars", kind: "field", entry: "widgets/stars.js" },
        { name: "score", kind: "panel", entry: "./widgets/score.js" },
      ],
    };
    expect((await t.admin.put("/api/v1/metadata/draft/package/ratings", manifest)).status).toBe(200);
    expect((await t.admin.post("/api/v1/metadata/publish", {})).status).toBe(200);
    const after = await t.admin.get<{ widgets: unknown[]; customFieldTypes: unknown[] }>(
      "/api/v1/ui/bootstrap",
    );
    expect(after.body.widgets).toContainEqual({
      package: "ratings",
      name: "stars",
      kind: "field",
      url: "/plugins/ratings/widgets/stars.js",
    });
    expect(after.body.widgets).toContainEqual({
      package: "ratings",
      name: "score",
      kind: "panel",
      url: "/plugins/ratings/widgets/score.js",
    });
    expect(after.body.customFieldTypes).toContainEqual(
      expect.objectContaining({
        name: "starRating",
        base: "number",
        uiSchema: { "ui:widget": "ratings.stars" },
      }),
    );
  });
});
