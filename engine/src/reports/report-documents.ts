import type { Dashboard, Report } from "@tessera/metadata";
import { notFound } from "../errors/engine-error.js";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";

export const reportsOf = (metadata: CompiledMetadata): Report[] =>
  metadata.documents.filter((d): d is Report => d.kind === "report");

export const dashboardsOf = (metadata: CompiledMetadata): Dashboard[] =>
  metadata.documents.filter((d): d is Dashboard => d.kind === "dashboard");

/** The published report named `name`; 404 when there is none. */
export const findReport = (metadata: CompiledMetadata, name: string): Report => {
  const report = reportsOf(metadata).find((r) => r.name === name);
  if (report === undefined) throw notFound(`No report "${name}"`);
  return report;
};

/** The published dashboard named `name`; 404 when there is none. */
export const findDashboard = (metadata: CompiledMetadata, name: string): Dashboard => {
  const dashboard = dashboardsOf(metadata).find((d) => d.name === name);
  if (dashboard === undefined) throw notFound(`No dashboard "${name}"`);
  return dashboard;
};
