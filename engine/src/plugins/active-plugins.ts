import { EMPTY_REGISTRY, type PluginRegistry } from "./plugin-registry.js";

/*
 * The plugins of this process. Plugins are code deployed with the server (the plugins folder), so
 * there is one registry per process, set once at start-up (or by a CLI command) before any tenant
 * work; the record pipeline reads it here instead of every context carrying it.
 */
let active: PluginRegistry = EMPTY_REGISTRY;

export const activePlugins = (): PluginRegistry => active;

export const setActivePlugins = (registry: PluginRegistry): void => {
  active = registry;
};
