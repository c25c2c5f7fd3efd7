import { describe, expect, it } from "vitest";
import type { Report } from "../../../metadata/src/kinds/report.js";
import { checkReport, expressionsOfReport, ReportSchema } from "../../../metadata/src/kinds/report.js";
import { aReport } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { deal } from "./deal.js";
import { refusedAt } from "./schema-errors.js";

/** A report on `deal` counting records, with the given groupings and measures. */
const onDeal = (overrides: Partial<Report>): Report =>
  aReport({
    object: "deal",
    filter: undefined,
    groupings: [],
    measures: [{ operation: "count" }],
    sort: undefined,
    limit: undefined,
    ...overrides,
  });

const check = (report: Report) => findings(checkReport(report, sampleContext(deal)));

describe("report schema", () => {
  it("accepts the sample report", () => {
    expect(refusedAt(ReportSchema, aReport())).toEqual([]);
  });

  it("accepts a report without groupings (one row of totals)", () => {
    expect(refusedAt(ReportSchema, aReport({ groupings: [], sort: undefined, limit: undefined }))).toEqual(
      [],
    );
  });

  it("refuses more than two groupings", () => {
    const groupings = [{ field: "status" }, { field: "approver" }, { field: "account" }];
    expect(refusedAt(ReportSchema, { ...aReport(), groupings })).toEqual(["/groupings"]);
  });

  it("refuses a report without measures, and more than five", () => {
    expect(refusedAt(ReportSchema, { ...aReport(), measures: [] })).toEqual(["/measures"]);
    const measures = Array.from({ length: 6 }, () => ({ operation: "count" }));
    expect(refusedAt(ReportSchema, { ...aReport(), measures })).toEqual(["/measures"]);
  });

  it("refuses an operation other than count, sum, avg, min and max", () => {
    const measures = [{ operation: "median", field: "amount" }];
    expect(refusedAt(ReportSchema, { ...aReport(), measures })).toContain("/measures/0/operation");
  });

  it("refuses a date bucket other than day, week, month, quarter and year", () => {
    const groupings = [{ field: "dueDate", dateBucket: "hour" }];
    expect(refusedAt(ReportSchema, { ...aReport(), groupings })).toContain("/groupings/0/dateBucket");
  });

  it("refuses a limit outside 1..1000", () => {
    expect(refusedAt(ReportSchema, { ...aReport(), limit: 0 })).toEqual(["/limit"]);
    expect(refusedAt(ReportSchema, { ...aReport(), limit: 1001 })).toEqual(["/limit"]);
  });

  it("refuses an unknown scope and an unknown sort", () => {
    expect(refusedAt(ReportSchema, { ...aReport(), scope: "everyone" })).toContain("/scope");
    const sort = { by: "label", direction: "asc" };
    expect(refusedAt(ReportSchema, { ...aReport(), sort })).toContain("/sort/by");
  });

  it("refuses properties it does not know", () => {
    expect(refusedAt(ReportSchema, { ...aReport(), chart: "bar" })).toEqual(["/chart"]);
  });
});

describe("report checks: object and fields", () => {
  it("accepts the sample report", () => {
    expect(checkReport(aReport(), sampleContext())).toEqual([]);
  });

  it("reports an unknown object, and nothing about its fields", () => {
    expect(findings(checkReport(aReport({ object: "payment" }), sampleContext()))).toEqual([
      { code: "report.unknownObject", path: "/object" },
    ]);
  });

  it("reports groupings and measures on fields the object does not have", () => {
    const report = onDeal({
      groupings: [{ field: "region" }],
      measures: [{ operation: "sum", field: "revenue" }],
    });
    expect(check(report)).toEqual([
      { code: "report.unknownField", path: "/groupings/0/field" },
      { code: "report.unknownField", path: "/measures/0/field" },
    ]);
  });

  it("reports the record id, version and tenant, which say nothing about a group", () => {
    const report = onDeal({
      groupings: [{ field: "id" }, { field: "tenant" }],
      measures: [{ operation: "max", field: "version" }],
    });
    const issues = checkReport(report, sampleContext(deal));
    expect(findings(issues)).toEqual([
      { code: "report.unknownField", path: "/groupings/0/field" },
      { code: "report.unknownField", path: "/groupings/1/field" },
      { code: "report.unknownField", path: "/measures/0/field" },
    ]);
    expect(issues[0]?.message).toBe("Reports cannot use the record's id.");
  });
});

describe("report checks: groupings", () => {
  it.each([
    ["stage"],
    ["name"],
    ["email"],
    ["phone"],
    ["isPartner"],
    ["account"],
    ["salesRep"],
    ["amount"],
    ["probability"],
    ["seats"],
    ["dealNumber"],
    ["isWon"],
    ["headline"],
    ["expected"],
    ["lineCount"],
    ["ownerId"],
    ["createdBy"],
    ["updatedBy"],
  ])("groups by %s", (field) => {
    expect(check(onDeal({ groupings: [{ field }] }))).toEqual([]);
  });

  it.each([["tags"], ["notes"], ["proposal"], ["website"], ["callTime"], ["site"], ["contract"]])(
    "refuses to group by %s",
    (field) => {
      expect(check(onDeal({ groupings: [{ field }] }))).toEqual([
        { code: "report.notGroupable", path: "/groupings/0/field" },
      ]);
    },
  );

  it("names the field and its type when refusing a grouping", () => {
    const [issue] = checkReport(onDeal({ groupings: [{ field: "notes" }] }), sampleContext(deal));
    expect(issue?.message).toBe(
      'Records cannot be grouped by "notes" (long text). Group by a picklist, text, number, date, yes/no, lookup or user field.',
    );
  });

  it("groups dates, datetimes and date formulas by a bucket", () => {
    const report = onDeal({
      groupings: [
        { field: "closeDate", dateBucket: "quarter" },
        { field: "followUp", dateBucket: "week" },
      ],
    });
    expect(check(report)).toEqual([]);
    expect(check(onDeal({ groupings: [{ field: "signedAt", dateBucket: "day" }] }))).toEqual([]);
    expect(check(onDeal({ groupings: [{ field: "createdAt", dateBucket: "year" }] }))).toEqual([]);
  });

  it("requires a bucket for a date, at the missing bucket", () => {
    const report = onDeal({ groupings: [{ field: "closeDate" }, { field: "updatedAt" }] });
    expect(check(report)).toEqual([
      { code: "report.dateBucketRequired", path: "/groupings/0/dateBucket" },
      { code: "report.dateBucketRequired", path: "/groupings/1/dateBucket" },
    ]);
  });

  it("refuses a bucket on a field that is not a date", () => {
    expect(check(onDeal({ groupings: [{ field: "stage", dateBucket: "month" }] }))).toEqual([
      { code: "report.unexpectedDateBucket", path: "/groupings/0/dateBucket" },
    ]);
  });

  it("groups by one date in two buckets, but not twice the same way", () => {
    const twoBuckets = onDeal({
      groupings: [
        { field: "closeDate", dateBucket: "year" },
        { field: "closeDate", dateBucket: "month" },
      ],
    });
    expect(check(twoBuckets)).toEqual([]);
    expect(check(onDeal({ groupings: [{ field: "stage" }, { field: "stage" }] }))).toEqual([
      { code: "report.duplicateGrouping", path: "/groupings/1" },
    ]);
  });
});

describe("report checks: measures", () => {
  it("counts records, or records having a value of any field", () => {
    const measures: Report["measures"] = [
      { operation: "count" },
      { operation: "count", field: "tags" },
      { operation: "count", field: "notes" },
    ];
    expect(check(onDeal({ measures }))).toEqual([]);
  });

  it("adds up and averages numbers, currencies, percents and numeric formulas and roll-ups", () => {
    const measures: Report["measures"] = [
      { operation: "sum", field: "amount" },
      { operation: "avg", field: "probability" },
      { operation: "sum", field: "seats" },
      { operation: "avg", field: "expected" },
      { operation: "sum", field: "lineCount" },
    ];
    expect(check(onDeal({ measures }))).toEqual([]);
  });

  it("takes the smallest and largest of numbers and dates", () => {
    const measures: Report["measures"] = [
      { operation: "min", field: "closeDate" },
      { operation: "max", field: "signedAt" },
      { operation: "max", field: "followUp" },
      { operation: "min", field: "createdAt" },
      { operation: "max", field: "amount" },
    ];
    expect(check(onDeal({ measures }))).toEqual([]);
  });

  it("refuses to add up or average what is not a number", () => {
    const measures: Report["measures"] = [
      { operation: "sum", field: "closeDate" },
      { operation: "avg", field: "stage" },
      { operation: "sum", field: "dealNumber" },
      { operation: "avg", field: "isWon" },
    ];
    expect(check(onDeal({ measures }))).toEqual([
      { code: "report.notMeasurable", path: "/measures/0/field" },
      { code: "report.notMeasurable", path: "/measures/1/field" },
      { code: "report.notMeasurable", path: "/measures/2/field" },
      { code: "report.notMeasurable", path: "/measures/3/field" },
    ]);
  });

  it("refuses the smallest or largest of text, and says what can be used", () => {
    const issues = checkReport(
      onDeal({ measures: [{ operation: "min", field: "name" }] }),
      sampleContext(deal),
    );
    expect(findings(issues)).toEqual([{ code: "report.notMeasurable", path: "/measures/0/field" }]);
    expect(issues[0]?.message).toBe(
      '"name" (text) cannot be summarised with min. Only number, currency, percent and date fields have a smallest value.',
    );
  });

  it("requires a field for every operation but count", () => {
    const measures: Report["measures"] = [{ operation: "sum" }, { operation: "max" }];
    expect(check(onDeal({ measures }))).toEqual([
      { code: "report.measureFieldRequired", path: "/measures/0/field" },
      { code: "report.measureFieldRequired", path: "/measures/1/field" },
    ]);
  });

  it("reports the same measure twice, at the second one", () => {
    const measures: Report["measures"] = [
      { operation: "sum", field: "amount" },
      { operation: "avg", field: "amount" },
      { operation: "sum", field: "amount", label: { en: "Again" } },
    ];
    expect(check(onDeal({ measures }))).toEqual([{ code: "report.duplicateMeasure", path: "/measures/2" }]);
  });
});

describe("report checks: sort and limit", () => {
  const grouped = { groupings: [{ field: "stage" }] };

  it("sorts groups by a measure that exists, and limits them", () => {
    const report = onDeal({ ...grouped, sort: { by: "measure", measure: 0, direction: "desc" }, limit: 10 });
    expect(check(report)).toEqual([]);
  });

  it("requires the measure a report is sorted by", () => {
    expect(check(onDeal({ ...grouped, sort: { by: "measure", direction: "desc" } }))).toEqual([
      { code: "report.sortMeasureRequired", path: "/sort/measure" },
    ]);
  });

  it("reports a sort by a measure past the last one", () => {
    expect(check(onDeal({ ...grouped, sort: { by: "measure", measure: 1, direction: "asc" } }))).toEqual([
      { code: "report.unknownSortMeasure", path: "/sort/measure" },
    ]);
  });

  it("reports a measure named by a sort by group", () => {
    expect(check(onDeal({ ...grouped, sort: { by: "group", measure: 0, direction: "asc" } }))).toEqual([
      { code: "report.unexpectedSortMeasure", path: "/sort/measure" },
    ]);
  });

  it("reports a sort or a limit on a report without groupings", () => {
    const report = onDeal({ sort: { by: "group", direction: "asc" }, limit: 5 });
    expect(check(report)).toEqual([
      { code: "report.sortWithoutGrouping", path: "/sort" },
      { code: "report.limitWithoutGrouping", path: "/limit" },
    ]);
  });
});

describe("report expressions", () => {
  it("lists the filter as a filter on the report's object", () => {
    expect(expressionsOfReport(aReport())).toEqual([
      {
        path: "/filter",
        expression: { "!=": [{ var: "status" }, "draft"] },
        object: "invoice",
        mode: "filter",
      },
    ]);
  });

  it("lists nothing without a filter", () => {
    expect(expressionsOfReport(aReport({ filter: undefined }))).toEqual([]);
  });
});
