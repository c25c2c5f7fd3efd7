import { resolve } from "node:path";
import { EngineError } from "../../errors/engine-error.js";
import { exportPackage, writePackage } from "../../packages/export-package.js";
import { type InstallResult, installPackage } from "../../packages/install-package.js";
import { PackageReadError, readPackage } from "../../packages/read-package.js";
import { activePlugins, setActivePlugins } from "../../plugins/active-plugins.js";
import { installedPackages } from "../../plugins/installed-packages.js";
import { loadPlugins } from "../../plugins/load-plugins.js";
import { MetadataCache } from "../../registry/metadata-cache.js";
import { activeUserNamed } from "../../security/user-directory.js";
import { configFromEnv } from "../../server/server-config.js";
import { openStore } from "../../store/open-store.js";
import { type Store, StoreError, type TenantStore } from "../../store/store-port.js";
import type { CommandOutput } from "./metadata-validate.js";

/** The plugins folder's code and field types are needed to validate and install packages. */
export const withStore = async <T>(run: (store: Store) => Promise<T>): Promise<T> => {
  const config = configFromEnv();
  setActivePlugins(await loadPlugins(config.pluginsDir));
  const store = await openStore(config);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
};

const openTenant = async (store: Store, tenant: string, io: CommandOutput, command: string) => {
  try {
    return await store.tenant(tenant);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    io.err(`tessera ${command}: no tenant "${tenant}".`);
    return undefined;
  }
};

/** An EngineError's problems, one line each, as `metadata validate` prints them. */
const reportRefusal = (io: CommandOutput, command: string, error: unknown): number => {
  if (error instanceof PackageReadError) {
    for (const line of error.lines) io.err(line);
    return 1;
  }
  if (!(error instanceof EngineError)) throw error;
  io.err(`tessera ${command}: ${error.title}.`);
  for (const p of error.errors) io.err(`${p.path === "" ? "/" : p.path}: ${p.message} [${p.code}]`);
  const impact = error.extensions.impact;
  if (Array.isArray(impact))
    for (const i of impact as Array<{ message?: string; object?: string }>)
      io.err(`impact: ${i.object ?? ""}: ${i.message ?? JSON.stringify(i)}`);
  return 1;
};

const describeInstall = (io: CommandOutput, result: InstallResult) => {
  if (result.status === "unchanged") {
    io.out(`${result.package} ${result.version} is already installed; nothing changed.`);
    return;
  }
  const from = result.previousVersion === undefined ? "" : ` (from ${result.previousVersion})`;
  io.out(
    `${result.status === "installed" ? "Installed" : "Upgraded"} ${result.package} ${result.version}${from}: metadata version ${result.publish?.version ?? "?"}.`,
  );
  for (const c of result.publish?.changes ?? []) io.out(`  ${c.change} ${c.kind}/${c.name}`);
  for (const i of result.publish?.impact ?? []) io.out(`  impact: ${JSON.stringify(i)}`);
  if (result.publish?.migratedRecords) io.out(`  ${result.publish.migratedRecords} records converted.`);
  for (const [object, count] of Object.entries(result.sampleData?.records ?? {}))
    io.out(`  sample data: ${count} ${object}`);
};

const adminOf = async (tenant: TenantStore): Promise<string | undefined> => activeUserNamed(tenant, "admin");

/** `tessera package install <dir> --tenant <t> [--force] [--sample-data]`. */
export const packageInstall = async (
  dir: string,
  options: { tenant: string; force: boolean; sampleData: boolean },
  io: CommandOutput,
): Promise<number> =>
  withStore(async (store) => {
    const tenant = await openTenant(store, options.tenant, io, "package install");
    if (tenant === undefined) return 1;
    const actor = await adminOf(tenant);
    if (actor === undefined) {
      io.err(`tessera package install: tenant "${options.tenant}" has no active "admin" user to install as.`);
      return 1;
    }
    try {
      const contents = await readPackage(resolve(dir));
      describeInstall(io, await installPackage(tenant, new MetadataCache(), contents, { actor, ...options }));
      return 0;
    } catch (error) {
      return reportRefusal(io, "package install", error);
    }
  });

/** `tessera package export --tenant <t> --out <dir> [--name <pkg>]`. */
export const packageExport = async (
  options: { tenant: string; out: string; name?: string },
  io: CommandOutput,
): Promise<number> =>
  withStore(async (store) => {
    const tenant = await openTenant(store, options.tenant, io, "package export");
    if (tenant === undefined) return 1;
    try {
      const exported = await exportPackage(tenant, { name: options.name ?? `${options.tenant}-export` });
      const count = await writePackage(resolve(options.out), exported);
      io.out(
        `Exported ${count} documents of tenant "${options.tenant}" as package "${exported.manifest.name}" into ${options.out}.`,
      );
      return 0;
    } catch (error) {
      return reportRefusal(io, "package export", error);
    }
  });

/** `tessera package list [--tenant <t>]`: the plugins folder's packages, and what the tenant has. */
export const packageList = async (options: { tenant?: string }, io: CommandOutput): Promise<number> =>
  withStore(async (store) => {
    io.out("Available in the plugins folder:");
    for (const { manifest } of activePlugins().plugins.values())
      io.out(`  ${manifest.name} ${manifest.version}  ${manifest.label.en}`);
    if (options.tenant === undefined) return 0;
    const tenant = await openTenant(store, options.tenant, io, "package list");
    if (tenant === undefined) return 1;
    const metadata = await new MetadataCache().current(tenant);
    io.out(`Installed in tenant "${options.tenant}":`);
    const installed = metadata === undefined ? [] : [...installedPackages(metadata).values()];
    if (installed.length === 0) io.out("  (none)");
    for (const manifest of installed) io.out(`  ${manifest.name} ${manifest.version}  ${manifest.label.en}`);
    return 0;
  });
