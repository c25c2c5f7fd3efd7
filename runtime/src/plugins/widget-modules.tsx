import * as React from "react";
import { type ComponentType, createContext, type ReactNode, useContext, useEffect, useState } from "react";
import type { PluginWidgetInfo } from "../api/types.js";
import { useMaybeBootstrap } from "../session/session-context.js";

/** Imports the ES module at a URL (a test injects its own). */
export type ModuleLoader = (url: string) => Promise<unknown>;

// Widget modules are served by the engine from the same origin, so the CSP's script-src 'self'
// lets the browser import them; the bundler must leave the import to the browser.
const importModule: ModuleLoader = (url) => import(/* @vite-ignore */ url);

const LoaderContext = createContext<ModuleLoader>(importModule);

/** Loads widget modules with `load` instead of the browser's `import()` below it. */
export const WidgetModuleLoader = ({ load, children }: { load: ModuleLoader; children: ReactNode }) => (
  <LoaderContext.Provider value={load}>{children}</LoaderContext.Provider>
);

/** What a widget module exports: `export const widget = ({ React }) => Component`. */
type WidgetFactory = (host: { React: typeof React }) => unknown;

const isComponent = (value: unknown): value is ComponentType<never> =>
  typeof value === "function" || (typeof value === "object" && value !== null && "$$typeof" in value);

const componentOf = (module: unknown, url: string): ComponentType<never> => {
  const factory =
    typeof module === "object" && module !== null ? (module as { widget?: unknown }).widget : undefined;
  if (typeof factory !== "function") throw new Error(`${url} does not export "widget"`);
  const component = (factory as WidgetFactory)({ React });
  if (!isComponent(component)) throw new Error(`The widget of ${url} did not return a component`);
  return component;
};

interface Loaded {
  pending: Map<string, Promise<ComponentType<never>>>;
  ready: Map<string, ComponentType<never>>;
}

// Per loader, so a test's stub never sees the browser's modules; a failed load is forgotten, so
// the next page that needs the widget tries again.
const loadedBy = new WeakMap<ModuleLoader, Loaded>();

const loadedOf = (load: ModuleLoader): Loaded => {
  let loaded = loadedBy.get(load);
  if (loaded === undefined) {
    loaded = { pending: new Map(), ready: new Map() };
    loadedBy.set(load, loaded);
  }
  return loaded;
};

const loadWidget = (load: ModuleLoader, url: string): Promise<ComponentType<never>> => {
  const loaded = loadedOf(load);
  let pending = loaded.pending.get(url);
  if (pending === undefined) {
    pending = load(url).then((module) => componentOf(module, url));
    loaded.pending.set(url, pending);
    pending.then(
      (component) => loaded.ready.set(url, component),
      () => loaded.pending.delete(url),
    );
  }
  return pending;
};

type WidgetState<P> =
  | { status: "loading" }
  | { status: "ready"; Component: ComponentType<P> }
  /** Not installed in the tenant, of the other kind, or its module failed to load. */
  | { status: "failed" };

/** The tenant's widget named `reference` (`<package>.<widget>`) of `kind`. */
const useWidgetInfo = (reference: string, kind: PluginWidgetInfo["kind"]): PluginWidgetInfo | undefined =>
  useMaybeBootstrap()?.widgets?.find((w) => w.kind === kind && `${w.package}.${w.name}` === reference);

/** The component of a package widget, loaded once per page (the state says while it is not there). */
export const usePluginWidget = <P,>(reference: string, kind: PluginWidgetInfo["kind"]): WidgetState<P> => {
  const info = useWidgetInfo(reference, kind);
  const load = useContext(LoaderContext);
  const url = info?.url;
  const settled = (): WidgetState<P> => {
    if (url === undefined) return { status: "failed" };
    const component = loadedOf(load).ready.get(url);
    return component === undefined
      ? { status: "loading" }
      : { status: "ready", Component: component as ComponentType<P> };
  };
  const [state, setState] = useState<{ url: string | undefined; state: WidgetState<P> }>(() => ({
    url,
    state: settled(),
  }));
  useEffect(() => {
    if (url === undefined) return;
    let current = true;
    loadWidget(load, url).then(
      (component) =>
        current && setState({ url, state: { status: "ready", Component: component as ComponentType<P> } }),
      () => current && setState({ url, state: { status: "failed" } }),
    );
    return () => {
      current = false;
    };
  }, [load, url]);
  // A reference that now names another module: what is known of that one, not the old state.
  return state.url === url ? state.state : settled();
};
