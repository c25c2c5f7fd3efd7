import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  isPlainObject,
  type PackageManifest,
  registerCustomFieldType,
  validateDocuments,
} from "@tessera/metadata";
import type { PluginApi, PluginRouteMethod, TesseraPlugin } from "./plugin-api.js";
import { type LoadedPlugin, type PluginRegistry, RegistryBuilder } from "./plugin-registry.js";

export const MANIFEST_FILE = "manifest.json";

const ROUTE_PATH = /^(\/(:?[A-Za-z0-9_-]+))+$/;
const METHODS: readonly PluginRouteMethod[] = ["get", "post", "put", "patch", "delete"];

/** Reads and validates `<dir>/manifest.json`; throws an Error naming the file and every problem. */
export const readManifest = async (dir: string): Promise<PackageManifest> => {
  const file = join(dir, MANIFEST_FILE);
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const issues = validateDocuments([value]);
  if (issues.length > 0 || !isPlainObject(value) || value.kind !== "package") {
    const lines = issues.map((i) => `${file}: ${i.path === "" ? "/" : i.path}: ${i.message}`);
    throw new Error(lines.length > 0 ? lines.join("\n") : `${file}: / must be a "package" document.`);
  }
  return value as unknown as PackageManifest;
};

const isPlugin = (value: unknown): value is TesseraPlugin =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as TesseraPlugin).name === "string" &&
  typeof (value as TesseraPlugin).setup === "function";

const apiFor = (name: string, builder: RegistryBuilder): PluginApi => {
  const fail = (message: string): never => {
    throw new Error(`Plugin "${name}": ${message}`);
  };
  const push = <H>(map: Map<string, Array<{ pkg: string; hook: H }>>, object: string, hook: H) => {
    if (typeof hook !== "function") fail(`the hook for "${object}" is not a function.`);
    map.set(object, [...(map.get(object) ?? []), { pkg: name, hook }]);
  };
  return {
    name,
    beforeSave: (object, hook) => push(builder.before, object, hook),
    afterSave: (object, hook) => push(builder.after, object, hook),
    action: (action, definition) => {
      const key = `${name}\u0000${action}`;
      if (builder.actions.has(key)) fail(`action "${action}" is registered twice.`);
      builder.actions.set(key, definition);
    },
    fieldType: (definition) => registerCustomFieldType(definition),
    route: (method, path, handler) => {
      if (!METHODS.includes(method)) fail(`"${String(method)}" is not an HTTP method it may use.`);
      if (!ROUTE_PATH.test(path)) fail(`route "${path}" must look like "/leads/:id/convert".`);
      if (builder.routes.some((r) => r.pkg === name && r.method === method && r.path === path))
        fail(`route ${method.toUpperCase()} ${path} is registered twice.`);
      builder.routes.push({ pkg: name, method, path, handler });
    },
    job: (job, definition) => {
      if (!Number.isInteger(definition.everyMinutes) || definition.everyMinutes < 1)
        fail(`job "${job}" needs everyMinutes, a whole number of at least 1.`);
      if (builder.jobs.some((j) => j.pkg === name && j.name === job))
        fail(`job "${job}" is registered twice.`);
      builder.jobs.push({ pkg: name, name: job, job: definition });
    },
  };
};

const loadServerEntry = async (plugin: LoadedPlugin, builder: RegistryBuilder): Promise<void> => {
  const { manifest, dir } = plugin;
  if (manifest.server === undefined) return;
  const file = resolve(dir, manifest.server);
  try {
    await stat(file);
  } catch {
    throw new Error(`Plugin "${manifest.name}": ${file} is missing; build it with "npm run build".`);
  }
  const module: unknown = await import(pathToFileURL(file).href);
  const exported = (module as { plugin?: unknown }).plugin;
  if (!isPlugin(exported))
    throw new Error(`Plugin "${manifest.name}": ${file} must export \`plugin\` with name and setup.`);
  if (exported.name !== manifest.name)
    throw new Error(`Plugin "${manifest.name}": ${file} exports the plugin "${exported.name}".`);
  await exported.setup(apiFor(manifest.name, builder));
};

/**
 * Loads every package of the plugins folder (a sub-folder with a manifest.json whose name is the
 * folder's): manifests validated, server entries imported and set up. A broken plugin stops the
 * start with its reason rather than running without the hooks it promised.
 */
export const loadPlugins = async (pluginsDir: string | undefined): Promise<PluginRegistry> => {
  const builder = new RegistryBuilder();
  if (pluginsDir === undefined) return builder.build();
  let entries: string[];
  try {
    entries = (await readdir(pluginsDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
  } catch {
    return builder.build();
  }
  for (const folder of entries) {
    const dir = join(pluginsDir, folder);
    try {
      await stat(join(dir, MANIFEST_FILE));
    } catch {
      continue;
    }
    const manifest = await readManifest(dir);
    if (manifest.name !== folder)
      throw new Error(
        `${join(dir, MANIFEST_FILE)}: /name: "${manifest.name}" must be the folder's name, "${folder}".`,
      );
    const plugin = { manifest, dir };
    builder.plugins.set(manifest.name, plugin);
    await loadServerEntry(plugin, builder);
  }
  return builder.build();
};
