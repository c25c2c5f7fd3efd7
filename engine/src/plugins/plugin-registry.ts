import type { PackageManifest } from "@tessera/metadata";
import type {
  AfterSaveHook,
  BeforeSaveHook,
  CustomAction,
  PluginRouteHandler,
  PluginRouteMethod,
  ScheduledJob,
} from "./plugin-api.js";

/** A package found in the plugins folder: its manifest and where it lives. */
export interface LoadedPlugin {
  readonly manifest: PackageManifest;
  readonly dir: string;
}

export interface PluginRoute {
  readonly pkg: string;
  readonly method: PluginRouteMethod;
  readonly path: string;
  readonly handler: PluginRouteHandler;
}

export interface PluginJob {
  readonly pkg: string;
  readonly name: string;
  readonly job: ScheduledJob;
}

export interface Registered<H> {
  readonly pkg: string;
  readonly hook: H;
}

/**
 * Everything the process's plugins registered. Registration is per process; whether a tenant sees
 * it is decided per call by the tenant's installed packages (`installedPackages`).
 */
export interface PluginRegistry {
  readonly plugins: ReadonlyMap<string, LoadedPlugin>;
  /** The package's folder, for packages present in the plugins folder. */
  dirOf(name: string): string | undefined;
  beforeSave(object: string): ReadonlyArray<Registered<BeforeSaveHook>>;
  afterSave(object: string): ReadonlyArray<Registered<AfterSaveHook>>;
  action(pkg: string, name: string): CustomAction | undefined;
  readonly routes: readonly PluginRoute[];
  readonly jobs: readonly PluginJob[];
}

/** A registry being filled by plugins' `setup`; frozen into a `PluginRegistry` when all are loaded. */
export class RegistryBuilder {
  readonly plugins = new Map<string, LoadedPlugin>();
  readonly before = new Map<string, Array<Registered<BeforeSaveHook>>>();
  readonly after = new Map<string, Array<Registered<AfterSaveHook>>>();
  readonly actions = new Map<string, CustomAction>();
  readonly routes: PluginRoute[] = [];
  readonly jobs: PluginJob[] = [];

  build(): PluginRegistry {
    const { plugins, before, after, actions, routes, jobs } = this;
    return {
      plugins,
      dirOf: (name) => plugins.get(name)?.dir,
      beforeSave: (object) => before.get(object) ?? [],
      afterSave: (object) => after.get(object) ?? [],
      action: (pkg, name) => actions.get(`${pkg}\u0000${name}`),
      routes,
      jobs,
    };
  }
}

export const EMPTY_REGISTRY: PluginRegistry = new RegistryBuilder().build();
