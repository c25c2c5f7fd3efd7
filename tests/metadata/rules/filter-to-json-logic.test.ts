import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FilterNode } from "../../../metadata/src/rules/filter-node.js";
import { filterToJsonLogic } from "../../../metadata/src/rules/filter-to-json-logic.js";
import { parseFilter } from "../../../metadata/src/rules/parse-filter.js";
import { clock, FIELDS, resolveField } from "./filter-fields.js";

describe("filterToJsonLogic writes the canonical form", () => {
  it.each<[FilterNode, unknown]>([
    [{ op: "compare", field: "amount", operator: ">", value: 5 }, { ">": [{ var: "amount" }, 5] }],
    [{ op: "in", field: "stage", values: ["won", "lost"] }, { in: [{ var: "stage" }, ["won", "lost"]] }],
    [{ op: "contains", field: "name", value: "acme" }, { in: ["acme", { var: "name" }] }],
    [{ op: "includes", field: "tags", value: "vip" }, { in: ["vip", { var: "tags" }] }],
    [{ op: "startsWith", field: "name", value: "Ac" }, { startsWith: [{ var: "name" }, "Ac"] }],
    [{ op: "missing", field: "name" }, { missing: ["name"] }],
    [{ op: "not", child: { op: "missing", field: "name" } }, { "!": { missing: ["name"] } }],
    [{ op: "true" }, true],
    [
      { op: "between", field: "amount", low: 1, high: 9, lowInclusive: true, highInclusive: true },
      { "<=": [1, { var: "amount" }, 9] },
    ],
    [
      { op: "between", field: "amount", low: 1, high: 9, lowInclusive: false, highInclusive: false },
      { "<": [1, { var: "amount" }, 9] },
    ],
    [
      { op: "and", children: [{ op: "true" }, { op: "or", children: [{ op: "missing", field: "stage" }] }] },
      { and: [true, { or: [{ missing: ["stage"] }] }] },
    ],
  ])("%j", (node, json) => {
    expect(filterToJsonLogic(node)).toEqual(json);
  });

  it("writes a range open at one end only as two comparisons", () => {
    const node: FilterNode = {
      op: "between",
      field: "closeDate",
      low: "2024-01-01",
      high: "2024-02-01",
      lowInclusive: true,
      highInclusive: false,
    };
    expect(filterToJsonLogic(node)).toEqual({
      and: [{ ">=": [{ var: "closeDate" }, "2024-01-01"] }, { "<": [{ var: "closeDate" }, "2024-02-01"] }],
    });
  });

  it("does not share the in list with the node", () => {
    const node: FilterNode = { op: "in", field: "stage", values: ["won"] };
    const json = filterToJsonLogic(node) as { in: [unknown, string[]] };
    json.in[1].push("lost");
    expect(node.values).toEqual(["won"]);
  });
});

const fieldsWith = (operator: string) =>
  Object.entries(FIELDS)
    .filter(([, field]) => (field.operators as readonly string[]).includes(operator))
    .map(([name]) => name);

const compareOperatorsOf = (field: string): string[] =>
  ((FIELDS[field]?.operators ?? []) as readonly string[]).filter((o) =>
    ["==", "!=", "<", "<=", ">", ">="].includes(o),
  );

const time = fc
  .tuple(
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.option(fc.integer({ min: 0, max: 59 })),
  )
  .map(([h, m, s]) => [h, m, ...(s === null ? [] : [s])].map((n) => String(n).padStart(2, "0")).join(":"));
const instant = fc.date({
  min: new Date("1900-01-01T00:00:00Z"),
  max: new Date("2999-12-31T23:59:59Z"),
  noInvalidDate: true,
});

/** A value of the field's kind, in the form parseFilter stores. */
const valueFor = (field: string): fc.Arbitrary<string | number | boolean> => {
  switch (FIELDS[field]?.valueKind) {
    case "number":
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case "boolean":
      return fc.boolean();
    case "date":
      return instant.map((d) => d.toISOString().slice(0, 10));
    case "datetime":
      return instant.map((d) => d.toISOString());
    case "time":
      return time;
    default:
      return fc.string();
  }
};

const comparable = (field: string) =>
  valueFor(field).filter((v) => typeof v !== "boolean") as fc.Arbitrary<string | number>;

const leaf: fc.Arbitrary<FilterNode> = fc.oneof(
  fc
    .constantFrom(...fieldsWith("=="))
    .chain((field) =>
      fc
        .tuple(fc.constantFrom(...compareOperatorsOf(field)), valueFor(field))
        .map(([operator, value]) => ({ op: "compare", field, operator, value }) as FilterNode),
    ),
  fc
    .constantFrom(...fieldsWith("in"))
    .chain((field) =>
      fc
        .array(comparable(field), { minLength: 1, maxLength: 4 })
        .map((values) => ({ op: "in", field, values }) as FilterNode),
    ),
  fc
    .tuple(fc.constantFrom(...fieldsWith("contains")), fc.string())
    .map(([field, value]) => ({ op: "contains", field, value }) as FilterNode),
  fc
    .tuple(fc.constantFrom(...fieldsWith("includes")), fc.string())
    .map(([field, value]) => ({ op: "includes", field, value }) as FilterNode),
  fc
    .tuple(fc.constantFrom(...fieldsWith("startsWith")), fc.string())
    .map(([field, value]) => ({ op: "startsWith", field, value }) as FilterNode),
  fc.constantFrom(...fieldsWith("between")).chain((field) =>
    fc.tuple(comparable(field), comparable(field), fc.boolean()).map(
      ([low, high, inclusive]) =>
        ({
          op: "between",
          field,
          low,
          high,
          lowInclusive: inclusive,
          highInclusive: inclusive,
        }) as FilterNode,
    ),
  ),
  fc.constantFrom(...Object.keys(FIELDS)).map((field) => ({ op: "missing", field }) as FilterNode),
  fc.constant({ op: "true" } as FilterNode),
);

/** Filters parseFilter can produce (ranges closed or open at both ends, no comparison with null). */
const filterNode: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc
      .array(tie("node"), { minLength: 1, maxLength: 3 })
      .map((children) => ({ op: "and", children }) as FilterNode),
    fc
      .array(tie("node"), { minLength: 1, maxLength: 3 })
      .map((children) => ({ op: "or", children }) as FilterNode),
    tie("node").map((child) => ({ op: "not", child }) as FilterNode),
  ),
})).node;

describe("parseFilter reads back what filterToJsonLogic writes", () => {
  it("for any filter parseFilter can produce", () => {
    fc.assert(
      fc.property(filterNode, (node) => {
        const parsed = parseFilter(filterToJsonLogic(node), resolveField, clock);
        expect(parsed).toEqual({ ok: true, filter: node });
      }),
      { numRuns: 2000 },
    );
  });

  it("and the JsonLogic survives JSON text", () => {
    fc.assert(
      fc.property(filterNode, (node) => {
        const stored = JSON.parse(JSON.stringify(filterToJsonLogic(node)));
        const parsed = parseFilter(stored, resolveField, clock);
        expect(parsed.ok && filterToJsonLogic(parsed.filter)).toEqual(stored);
      }),
      { numRuns: 500 },
    );
  });
});
