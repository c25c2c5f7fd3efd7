import type { DateBucket, FilterNode, Report, ReportMeasure } from "@tessera/metadata";
import { isSystemField, parseFilter } from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import { type ReportField, reportField } from "./report-fields.js";

/** The fields a report reads and its own filter, once the caller is known to be allowed them. */
export interface ReportFields {
  groupings: Array<{ field: ReportField; bucket?: DateBucket }>;
  /** `field` is absent for a count of records. */
  measures: Array<{ measure: ReportMeasure; field?: ReportField }>;
  filter?: FilterNode;
}

const hidden = (name: string, path: string): EngineError =>
  new EngineError(403, "forbidden", `This report uses the field "${name}", which you may not read`, [
    { path, code: "report.fieldHidden", message: `You may not read the field "${name}".` },
  ]);

/**
 * Resolves every field a report groups, measures or filters by, refusing (403, naming the field)
 * when the caller may not read one: an aggregate over a hidden field, or narrowed by one, would
 * reveal its values as surely as showing them. A field the object no longer has is refused the same
 * way, so a hidden field cannot be told from a missing one by the answer's shape.
 */
export const reportFieldsFor = (ctx: RecordContext, object: CompiledObject, report: Report): ReportFields => {
  const readable = ctx.access.readableFields(object.name);
  const visible = (name: string) => isSystemField(name) || readable.has(name);
  const resolve = (name: string, path: string): ReportField => {
    const field = visible(name) ? reportField(object, name) : undefined;
    if (field === undefined) throw hidden(name, path);
    return field;
  };
  const groupings = report.groupings.map((g, i) => ({
    field: resolve(g.field, `/groupings/${i}/field`),
    ...(g.dateBucket !== undefined && { bucket: g.dateBucket }),
  }));
  const measures = report.measures.map((measure, i) => ({
    measure,
    ...(measure.field !== undefined && { field: resolve(measure.field, `/measures/${i}/field`) }),
  }));
  if (report.filter === undefined) return { groupings, measures };
  const read: string[] = [];
  const parsed = parseFilter(
    report.filter,
    (name) => {
      read.push(name);
      return object.filterField(name);
    },
    { now: ctx.now },
  );
  const unreadable = read.find((name) => !visible(name));
  if (unreadable !== undefined) throw hidden(unreadable, "/filter");
  if (!parsed.ok)
    throw new EngineError(409, "report.invalid", "This report's filter no longer fits its object", [
      ...parsed.problems.map((p) => ({ path: `/filter${p.path}`, code: p.code, message: p.message })),
    ]);
  return { groupings, measures, filter: parsed.filter };
};
