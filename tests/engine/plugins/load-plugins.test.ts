import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlugins } from "../../../engine/src/plugins/load-plugins.js";

const manifest = (name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    kind: "package",
    name,
    version: "1.0.0",
    label: { en: name },
    tessera: "^0.1.0",
    metadata: [],
    ...extra,
  });

const pluginsFolder = async (files: Record<string, string>): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), "tessera-load-"));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
};

describe("loading the plugins folder", () => {
  it("loads every package with a manifest, and skips folders without one", async () => {
    const dir = await pluginsFolder({
      "alpha/manifest.json": manifest("alpha"),
      "notes/readme.txt": "not a package",
    });
    const registry = await loadPlugins(dir);
    expect([...registry.plugins.keys()]).toEqual(["alpha"]);
    expect(registry.dirOf("alpha")).toBe(join(dir, "alpha"));
    expect(registry.dirOf("notes")).toBeUndefined();
  });

  it("stops on an invalid manifest, naming the file and the pointer", async () => {
    const dir = await pluginsFolder({ "beta/manifest.json": manifest("beta", { version: "one" }) });
    await expect(loadPlugins(dir)).rejects.toThrow(/beta[/\\]manifest\.json: \/version: /);
  });

  it("stops when a manifest's name is not its folder's", async () => {
    const dir = await pluginsFolder({ "gamma/manifest.json": manifest("delta") });
    await expect(loadPlugins(dir)).rejects.toThrow(/\/name: "delta" must be the folder's name, "gamma"/);
  });

  it("stops when the server entry is missing or exports no plugin", async () => {
    const missing = await pluginsFolder({
      "eps/manifest.json": manifest("eps", { server: "dist/server.js" }),
    });
    await expect(loadPlugins(missing)).rejects.toThrow(
      /dist[/\\]server\.js is missing; build it with "npm run build"/,
    );
    const empty = await pluginsFolder({
      "zeta/manifest.json": manifest("zeta", { server: "server.js" }),
      "zeta/server.js": "export const nothing = 1;\n",
    });
    await expect(loadPlugins(empty)).rejects.toThrow(/must export `plugin` with name and setup/);
  });

  it("refuses a route that does not look like a path, and a job without a sensible interval", async () => {
    const badRoute = await pluginsFolder({
      "eta/manifest.json": manifest("eta", { server: "server.js" }),
      "eta/server.js": `export const plugin = { name: "eta", setup(api) { api.route("get", "../x", async () => ({})); } };\n`,
    });
    await expect(loadPlugins(badRoute)).rejects.toThrow(
      /route "..\/x" must look like "\/leads\/:id\/convert"/,
    );
    const badJob = await pluginsFolder({
      "theta/manifest.json": manifest("theta", { server: "server.js" }),
      "theta/server.js": `export const plugin = { name: "theta", setup(api) { api.job("j", { everyMinutes: 0, run: async () => {} }); } };\n`,
    });
    await expect(loadPlugins(badJob)).rejects.toThrow(/job "j" needs everyMinutes/);
  });
});
