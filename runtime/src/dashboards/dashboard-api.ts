import type { DashboardWidget, LocalizedText } from "@tessera/metadata";
import { api, get } from "../api/http.js";
import type { WidgetBox } from "./grid-layout.js";

/** One entry of GET /api/v1/dashboards. */
export interface DashboardSummary {
  name: string;
  label: string | LocalizedText;
  description?: string | LocalizedText;
}

/** A widget as the dashboard API sends it: its title already in the caller's language. */
export type DashboardViewWidget = Omit<DashboardWidget, "title"> & { title?: string | LocalizedText };

/** GET /api/v1/dashboards/{name}: the widgets placed by the caller's own layout when they saved one. */
export interface DashboardView {
  name: string;
  label: string | LocalizedText;
  description?: string | LocalizedText;
  columns: number;
  widgets: DashboardViewWidget[];
  personalLayout: boolean;
}

const path = (name: string) => `/api/v1/dashboards/${encodeURIComponent(name)}`;

export const loadDashboards = async (signal?: AbortSignal): Promise<DashboardSummary[]> =>
  (await get<{ dashboards: DashboardSummary[] }>("/api/v1/dashboards", signal)).dashboards;

export const loadDashboard = (name: string, signal?: AbortSignal): Promise<DashboardView> =>
  get<DashboardView>(path(name), signal);

/** Saves the caller's own layout of the dashboard (every widget once, inside the grid, no overlap). */
export const saveDashboardLayout = (name: string, layout: readonly WidgetBox[]): Promise<DashboardView> =>
  api<DashboardView>("PUT", `${path(name)}/layout`, {
    body: { widgets: layout.map(({ name: widget, x, y, w, h }) => ({ name: widget, x, y, w, h })) },
  });

/** Drops the caller's own layout: the dashboard's designed one applies again. */
export const resetDashboardLayout = (name: string): Promise<DashboardView> =>
  api<DashboardView>("DELETE", `${path(name)}/layout`);
