import { describe, expect, it } from "vitest";
import type { Dashboard } from "../../../metadata/src/kinds/dashboard.js";
import type { DuplicateRule } from "../../../metadata/src/kinds/duplicate-rule.js";
import type { Report } from "../../../metadata/src/kinds/report.js";
import { standardObjects } from "../../../metadata/src/standard/standard-objects.js";
import { validateDocumentSet, validateDocuments } from "../../../metadata/src/validate/validate-documents.js";
import { aDashboard, aDuplicateRule, anApp, aReport } from "../kinds/builders.js";

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A sentence for a business admin naming each of `fragments`, as validate-documents.test.ts checks. */
const sentenceWith = (...fragments: string[]) =>
  expect.stringMatching(
    new RegExp(
      `^(?=["A-Z])${fragments.map((f) => `(?=[^]*${escapeRegex(f)})`).join("")}(?![^]*(?:undefined|\\[object|NaN))[^]*\\.$`,
    ),
  );

const issue = (document: string, path: string, code: string, ...fragments: string[]) => ({
  document,
  path,
  code,
  message: sentenceWith(...fragments),
});

const pipeline: Report = aReport({
  name: "pipelineByStage",
  label: { en: "Pipeline by stage", "zh-CN": "按阶段的商机" },
  object: "opportunity",
  filter: { "==": [{ var: "isClosed" }, false] },
  scope: "all",
  groupings: [{ field: "stage" }, { field: "closeDate", dateBucket: "quarter" }],
  measures: [
    { operation: "count" },
    { operation: "sum", field: "amount" },
    { operation: "avg", field: "probability" },
  ],
  sort: { by: "measure", measure: 1, direction: "desc" },
  limit: 20,
});

const byOwner: Report = aReport({
  name: "wonByOwner",
  label: { en: "Won by owner" },
  object: "opportunity",
  filter: { "==": [{ var: "isWon" }, true] },
  groupings: [{ field: "ownerId" }],
  measures: [{ operation: "sum", field: "expectedRevenue" }],
  sort: undefined,
  limit: undefined,
});

const sales: Dashboard = aDashboard({
  name: "sales",
  label: { en: "Sales", "zh-CN": "销售" },
  columns: 12,
  widgets: [
    { name: "pipeline", report: "pipelineByStage", chart: "kpi", measure: 1, x: 0, y: 0, w: 3, h: 2 },
    { name: "owners", report: "wonByOwner", chart: "pie", x: 3, y: 0, w: 9, h: 4 },
    { name: "stages", report: "pipelineByStage", chart: "table", x: 0, y: 4, w: 12, h: 6 },
  ],
});

const sameAccount: DuplicateRule = aDuplicateRule({
  name: "sameAccount",
  label: { en: "Same account" },
  object: "account",
  action: "block",
  conditions: [
    { field: "name", normalizer: "companyName", match: "fuzzy", threshold: 0.92 },
    { field: "phone", match: "exact" },
  ],
});

const app = anApp({
  name: "salesApp",
  profiles: undefined,
  navigation: [
    { type: "dashboard", dashboard: "sales" },
    { type: "object", object: "opportunity" },
    { type: "page", page: "reports" },
  ],
});

const valid = [...standardObjects, pipeline, byOwner, sales, sameAccount, app];

describe("validateDocumentSet: reports, dashboards and duplicate rules", () => {
  it("accepts a set of reports, a dashboard, a duplicate rule and an app opening the dashboard", () => {
    const { issues, documents } = validateDocumentSet(valid);
    expect(issues).toEqual([]);
    expect([...documents.keys()].filter((id) => !id.startsWith("object/"))).toEqual([
      "report/pipelineByStage",
      "report/wonByOwner",
      "dashboard/sales",
      "duplicateRule/sameAccount",
      "app/salesApp",
    ]);
  });

  it("refuses a report grouping by a field its object does not have", () => {
    const bad = { ...pipeline, groupings: [{ field: "region" }] };
    expect(validateDocuments([...standardObjects, bad, byOwner, sales, sameAccount, app])).toEqual([
      issue(
        "report/pipelineByStage",
        "/groupings/0/field",
        "report.unknownField",
        '"region"',
        '"opportunity"',
      ),
    ]);
  });

  it("refuses a report whose filter reads an unknown field, at the field in the filter", () => {
    const bad = { ...pipeline, filter: { "==": [{ var: "stag" }, "open"] } };
    expect(validateDocuments([...standardObjects, bad, byOwner, sales, sameAccount, app])).toEqual([
      issue("report/pipelineByStage", "/filter/==/0", "filter.unknownField", '"stag"'),
    ]);
  });

  it("refuses a report of the wrong shape, at the property", () => {
    const bad = { ...pipeline, measures: [{ operation: "median", field: "amount" }] };
    const { issues } = validateDocumentSet([...standardObjects, bad]);
    expect(issues.map(({ document, path }) => ({ document, path }))).toContainEqual({
      document: "report/pipelineByStage",
      path: "/measures/0/operation",
    });
  });

  it("refuses a dashboard showing a report that does not exist", () => {
    expect(validateDocuments([...standardObjects, pipeline, sales, sameAccount, app])).toEqual([
      issue("dashboard/sales", "/widgets/1/report", "dashboard.unknownReport", '"wonByOwner"'),
    ]);
  });

  it("refuses a dashboard whose widgets overlap", () => {
    const bad: Dashboard = {
      ...sales,
      widgets: sales.widgets.map((w) => (w.name === "owners" ? { ...w, x: 2 } : w)),
    };
    expect(validateDocuments([...standardObjects, pipeline, byOwner, bad, sameAccount, app])).toEqual([
      issue("dashboard/sales", "/widgets/1", "dashboard.overlap", '"owners"', '"pipeline"'),
    ]);
  });

  it("refuses a duplicate rule matching a picklist fuzzily", () => {
    const bad: DuplicateRule = { ...sameAccount, conditions: [{ field: "industry", match: "fuzzy" }] };
    expect(validateDocuments([...standardObjects, pipeline, byOwner, sales, bad, app])).toEqual([
      issue("duplicateRule/sameAccount", "/conditions/0/match", "duplicateRule.fuzzyNotText", '"industry"'),
    ]);
  });

  it("refuses an app opening a dashboard that does not exist", () => {
    expect(validateDocuments([...standardObjects, pipeline, byOwner, sameAccount, app])).toEqual([
      issue("app/salesApp", "/navigation/0/dashboard", "app.unknownDashboard", '"sales"'),
    ]);
  });
});
