import { localize } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import { reportsOf } from "./report-documents.js";

export interface ReportSummary {
  name: string;
  label: string;
  object: string;
  description?: string;
}

/** The reports on objects the caller may read, by name, with texts in their language. */
export const listReports = (ctx: RecordContext): ReportSummary[] =>
  reportsOf(ctx.metadata)
    .filter((r) => ctx.metadata.objects.has(r.object) && ctx.access.can("read", r.object))
    .map((r) => {
      const description = localize(r.description, ctx.locale);
      return {
        name: r.name,
        label: localize(r.label, ctx.locale) ?? r.name,
        object: r.object,
        ...(description !== undefined && { description }),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
