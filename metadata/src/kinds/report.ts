import { type Static, Type } from "@sinclair/typebox";
import { ExpressionSchema } from "../fields/field-base.js";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import { DATE_BUCKETS } from "../reports/date-bucket.js";
import { valueTypeLabel, valueTypeOf } from "../reports/field-value-type.js";
import { isBucketedField, isGroupableField, isMeasurable } from "../reports/report-fields.js";
import type { SemanticCheck } from "../validate/check-context.js";
import { type ExpressionSite, issueCollector, NameSchema, type Report as Reporter } from "./common.js";
import { LIST_VIEW_SCOPES } from "./list-view.js";
import type { ObjectDefinition } from "./object.js";
import { declaredField } from "./object-fields.js";

export const REPORT_OPERATIONS = ["count", "sum", "avg", "min", "max"] as const;
export type ReportOperation = (typeof REPORT_OPERATIONS)[number];

export const REPORT_MAX_GROUPINGS = 2;
export const REPORT_MAX_MEASURES = 5;
export const REPORT_MAX_LIMIT = 1000;

export const ReportGroupingSchema = Type.Object(
  {
    field: NameSchema,
    /** Required for a date or datetime field, refused on any other. */
    dateBucket: Type.Optional(Type.Union(DATE_BUCKETS.map((bucket) => Type.Literal(bucket)))),
  },
  { additionalProperties: false },
);
export type ReportGrouping = Static<typeof ReportGroupingSchema>;

export const ReportMeasureSchema = Type.Object(
  {
    operation: Type.Union(REPORT_OPERATIONS.map((operation) => Type.Literal(operation))),
    /** Required except for `count`, which without a field counts records. */
    field: Type.Optional(NameSchema),
    label: Type.Optional(LocalizedTextSchema),
  },
  { additionalProperties: false },
);
export type ReportMeasure = Static<typeof ReportMeasureSchema>;

export const ReportSortSchema = Type.Object(
  {
    by: Type.Union([Type.Literal("group"), Type.Literal("measure")]),
    /** Index into `measures`; only (and then required) when `by` is `measure`. */
    measure: Type.Optional(Type.Integer({ minimum: 0, maximum: REPORT_MAX_MEASURES - 1 })),
    direction: Type.Union([Type.Literal("asc"), Type.Literal("desc")]),
  },
  { additionalProperties: false },
);
export type ReportSort = Static<typeof ReportSortSchema>;

export const ReportSchema = Type.Object(
  {
    kind: Type.Literal("report"),
    name: NameSchema,
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    object: NameSchema,
    /** Narrows the records the caller may already see; never widens access. */
    filter: Type.Optional(ExpressionSchema),
    /** As a list view's scope; `all` when absent. */
    scope: Type.Optional(Type.Union(LIST_VIEW_SCOPES.map((scope) => Type.Literal(scope)))),
    /** None: one row of totals. Two: the second grouping splits each group of the first. */
    groupings: Type.Array(ReportGroupingSchema, { maxItems: REPORT_MAX_GROUPINGS }),
    measures: Type.Array(ReportMeasureSchema, { minItems: 1, maxItems: REPORT_MAX_MEASURES }),
    sort: Type.Optional(ReportSortSchema),
    /** Top N groups of the first grouping, after sorting. */
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: REPORT_MAX_LIMIT })),
  },
  { additionalProperties: false },
);
export type Report = Static<typeof ReportSchema>;

/** Expressions: `filter`, a filter (storable subset) on the report's object. */
export const expressionsOfReport = (doc: Report): ExpressionSite[] =>
  doc.filter === undefined
    ? []
    : [{ path: "/filter", expression: doc.filter, object: doc.object, mode: "filter" }];

const GROUPABLE_HINT = "Group by a picklist, text, number, date, yes/no, lookup or user field.";

const checkGroupings = (doc: Report, object: ObjectDefinition, report: Reporter): void => {
  const seen = new Set<string>();
  doc.groupings.forEach((grouping, g) => {
    const at = ["groupings", g];
    const type = valueTypeOf(object, grouping.field);
    if (type === undefined) {
      report([...at, "field"], "report.unknownField", noSuchField(doc.object, object, grouping.field));
      return;
    }
    if (!isGroupableField(object, grouping.field)) {
      report(
        [...at, "field"],
        "report.notGroupable",
        `Records cannot be grouped by "${grouping.field}" (${valueTypeLabel(type)}). ${GROUPABLE_HINT}`,
      );
      return;
    }
    const bucketed = isBucketedField(object, grouping.field);
    if (bucketed && grouping.dateBucket === undefined) {
      report(
        [...at, "dateBucket"],
        "report.dateBucketRequired",
        `Choose how to group the dates of "${grouping.field}": by ${DATE_BUCKETS.join(", ")}.`,
      );
    }
    if (!bucketed && grouping.dateBucket !== undefined) {
      report(
        [...at, "dateBucket"],
        "report.unexpectedDateBucket",
        `"${grouping.field}" is not a date: only date fields are grouped by ${grouping.dateBucket}.`,
      );
    }
    const key = `${grouping.field}/${grouping.dateBucket ?? ""}`;
    if (seen.has(key)) {
      report(
        at,
        "report.duplicateGrouping",
        `The report is already grouped by "${grouping.field}" this way.`,
      );
    }
    seen.add(key);
  });
};

const MEASURE_HINT: { readonly [O in ReportOperation]: string } = {
  count: "",
  sum: "Only number, currency and percent fields can be added up.",
  avg: "Only number, currency and percent fields can be averaged.",
  min: "Only number, currency, percent and date fields have a smallest value.",
  max: "Only number, currency, percent and date fields have a largest value.",
};

const checkMeasures = (doc: Report, object: ObjectDefinition, report: Reporter): void => {
  const seen = new Set<string>();
  doc.measures.forEach((measure, m) => {
    const at = ["measures", m];
    const { operation, field } = measure;
    if (field === undefined) {
      if (operation !== "count") {
        report(
          [...at, "field"],
          "report.measureFieldRequired",
          `Choose the field to ${OPERATION_VERB[operation]}.`,
        );
      }
    } else {
      const type = valueTypeOf(object, field);
      if (type === undefined) {
        report([...at, "field"], "report.unknownField", noSuchField(doc.object, object, field));
      } else if (!isMeasurable(object, operation, field)) {
        report(
          [...at, "field"],
          "report.notMeasurable",
          `"${field}" (${valueTypeLabel(type)}) cannot be summarised with ${operation}. ${MEASURE_HINT[operation]}`,
        );
      }
    }
    const key = `${operation}/${field ?? ""}`;
    if (seen.has(key)) {
      report(at, "report.duplicateMeasure", "The report already has this measure.");
    }
    seen.add(key);
  });
};

const OPERATION_VERB: { readonly [O in ReportOperation]: string } = {
  count: "count",
  sum: "add up",
  avg: "average",
  min: "take the smallest value of",
  max: "take the largest value of",
};

const noSuchField = (objectName: string, object: ObjectDefinition, field: string): string =>
  declaredField(object, field) === undefined && (field === "id" || field === "version")
    ? `Reports cannot use the record's ${field}.`
    : `Object "${objectName}" has no field "${field}".`;

const checkSortAndLimit = (doc: Report, report: Reporter): void => {
  const { sort, limit } = doc;
  if (sort !== undefined) {
    if (sort.by === "measure" && sort.measure === undefined) {
      report(["sort", "measure"], "report.sortMeasureRequired", "Choose the measure to sort by.");
    }
    if (sort.by === "measure" && sort.measure !== undefined && sort.measure >= doc.measures.length) {
      report(
        ["sort", "measure"],
        "report.unknownSortMeasure",
        `The report has ${doc.measures.length} measure(s); measure ${sort.measure + 1} does not exist.`,
      );
    }
    if (sort.by === "group" && sort.measure !== undefined) {
      report(
        ["sort", "measure"],
        "report.unexpectedSortMeasure",
        "A report sorted by group does not name a measure.",
      );
    }
    if (doc.groupings.length === 0) {
      report(
        ["sort"],
        "report.sortWithoutGrouping",
        "A report without groupings has a single row: there is nothing to sort.",
      );
    }
  }
  if (limit !== undefined && doc.groupings.length === 0) {
    report(
      ["limit"],
      "report.limitWithoutGrouping",
      "A report without groupings has a single row: there is nothing to limit.",
    );
  }
};

/**
 * Expressions (checked by the lead via expressionsOfReport, not here): `filter`, a filter
 * (storable subset) on the report's object; the fields it reads are checked there too.
 */
export const checkReport: SemanticCheck<Report> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  const object = ctx.objects.get(doc.object);
  if (object === undefined) {
    report(["object"], "report.unknownObject", `Object "${doc.object}" does not exist.`);
    return issues;
  }
  checkGroupings(doc, object, report);
  checkMeasures(doc, object, report);
  checkSortAndLimit(doc, report);
  return issues;
};
