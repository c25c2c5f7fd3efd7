import type { MetadataDocument, ObjectDefinition } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { findFieldReferences } from "../../../designer/src/fields/field-references.js";
import { currency, date, option, picklist, text } from "../../metadata/builders.js";

const deal: ObjectDefinition = {
  kind: "object",
  name: "deal",
  label: { en: "Deal" },
  pluralLabel: { en: "Deals" },
  recordName: "name",
  sharingModel: "private",
  fields: [
    text("name"),
    picklist("stage", { options: [option("open", "Open"), option("won", "Won")] }),
    currency("amount"),
    date("closeDate"),
  ],
};

const refs = (documents: readonly MetadataDocument[], field: string) =>
  findFieldReferences(documents, "deal", field).map(
    ({ kind, name, path, use }) => `${kind}/${name}${path} ${use}`,
  );

const documents: MetadataDocument[] = [
  deal,
  {
    kind: "report",
    name: "pipeline",
    label: { en: "Pipeline" },
    object: "deal",
    filter: { "!=": [{ var: "stage" }, "won"] },
    groupings: [{ field: "stage" }, { field: "closeDate", dateBucket: "month" }],
    measures: [{ operation: "count" }, { operation: "sum", field: "amount" }],
  },
  {
    kind: "dashboard",
    name: "sales",
    label: { en: "Sales" },
    widgets: [{ name: "p", report: "pipeline", chart: "bar", x: 0, y: 0, w: 6, h: 4 }],
  },
  {
    kind: "duplicateRule",
    name: "sameDeal",
    label: { en: "Same deal" },
    object: "deal",
    action: "alert",
    conditions: [
      { field: "name", match: "fuzzy" },
      { field: "amount", match: "exact" },
    ],
  },
];

describe("finding what uses a field in reports and duplicate rules", () => {
  it("finds a report's groupings and its filter", () => {
    expect(refs(documents, "stage")).toEqual([
      "report/pipeline/groupings/0/field reportGrouping",
      "report/pipeline/filter condition",
    ]);
  });

  it("finds a report's measures and a duplicate rule's conditions", () => {
    expect(refs(documents, "amount")).toEqual([
      "report/pipeline/measures/1/field reportMeasure",
      "duplicateRule/sameDeal/conditions/1/field duplicateCondition",
    ]);
  });

  it("finds nothing in reports and rules of other objects", () => {
    const other = documents.map((doc) =>
      doc.kind === "report" || doc.kind === "duplicateRule" ? { ...doc, object: "lead" } : doc,
    );
    expect(refs(other, "amount")).toEqual([]);
  });
});
