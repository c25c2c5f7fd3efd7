import { describe, expect, it } from "vitest";
import { evaluateFilter } from "../../../metadata/src/rules/evaluate-filter.js";
import type { FilterNode } from "../../../metadata/src/rules/filter-node.js";

const eq = (field: string, value: string | number | boolean | null): FilterNode => ({
  op: "compare",
  field,
  operator: "==",
  value,
});
const ne = (field: string, value: string | number | boolean | null): FilterNode => ({
  op: "compare",
  field,
  operator: "!=",
  value,
});
const cmp = (
  field: string,
  operator: "<" | "<=" | ">" | ">=",
  value: string | number | null,
): FilterNode => ({
  op: "compare",
  field,
  operator,
  value,
});

describe("evaluateFilter: equality is typed", () => {
  it.each<[FilterNode, Record<string, unknown>, boolean]>([
    [eq("stage", "won"), { stage: "won" }, true],
    [eq("stage", "won"), { stage: "Won" }, false],
    [eq("amount", 5), { amount: "5" }, false],
    [eq("amount", 5), { amount: 5 }, true],
    [eq("closed", true), { closed: 1 }, false],
    [eq("closed", false), { closed: false }, true],
    [eq("stage", "won"), {}, false],
    [eq("stage", "won"), { stage: null }, false],
    [eq("stage", null), {}, true],
    [eq("stage", null), { stage: null }, true],
    [eq("stage", null), { stage: "" }, false],
    [eq("tags", "vip"), { tags: ["vip"] }, false],
  ])("%j on %j is %j", (node, record, expected) => {
    expect(evaluateFilter(node, record)).toBe(expected);
  });
});

describe("evaluateFilter: != is the negation of ==", () => {
  it.each<[FilterNode, Record<string, unknown>, boolean]>([
    [ne("stage", "won"), { stage: "lost" }, true],
    [ne("stage", "won"), { stage: "won" }, false],
    [ne("stage", "won"), {}, true],
    [ne("stage", "won"), { stage: null }, true],
    [ne("amount", 5), { amount: "5" }, true],
    [ne("stage", null), { stage: "won" }, true],
    [ne("stage", null), { stage: null }, false],
    [ne("stage", null), {}, false],
  ])("%j on %j is %j", (node, record, expected) => {
    expect(evaluateFilter(node, record)).toBe(expected);
  });
});

describe("evaluateFilter: ordering needs two numbers or two strings", () => {
  it.each<[FilterNode, Record<string, unknown>, boolean]>([
    [cmp("amount", ">", 5), { amount: 6 }, true],
    [cmp("amount", ">", 5), { amount: 5 }, false],
    [cmp("amount", ">=", 5), { amount: 5 }, true],
    [cmp("amount", "<", 5), { amount: 4.5 }, true],
    [cmp("amount", "<=", 5), { amount: 5 }, true],
    [cmp("amount", "<", 5), { amount: "4" }, false],
    [cmp("amount", "<", 5), {}, false],
    [cmp("amount", "<", 5), { amount: null }, false],
    [cmp("amount", "<", null), { amount: 1 }, false],
    [cmp("amount", ">", -1), { amount: true }, false],
    [cmp("closeDate", "<", "2024-05-01"), { closeDate: "2024-04-30" }, true],
    [cmp("closeDate", ">=", "2024-05-01"), { closeDate: "2024-05-01" }, true],
    [cmp("createdAt", ">=", "2024-05-01T00:00:00.000Z"), { createdAt: "2024-05-01T09:00:00.000Z" }, true],
    [cmp("name", "<", "b"), { name: "B" }, true],
    [cmp("name", "<", "a"), { name: "Z" }, true],
    [cmp("name", "<", "\uffff"), { name: "\ud83d\ude00" }, true],
  ])("%j on %j is %j", (node, record, expected) => {
    expect(evaluateFilter(node, record)).toBe(expected);
  });
});

describe("evaluateFilter: ranges", () => {
  const range = (lowInclusive: boolean, highInclusive: boolean): FilterNode => ({
    op: "between",
    field: "amount",
    low: 10,
    high: 20,
    lowInclusive,
    highInclusive,
  });

  it.each<[FilterNode, unknown, boolean]>([
    [range(true, true), 10, true],
    [range(true, true), 20, true],
    [range(false, true), 10, false],
    [range(true, false), 20, false],
    [range(false, false), 15, true],
    [range(true, true), 9.99, false],
    [range(true, true), "15", false],
    [range(true, true), null, false],
  ])("%j with amount %j is %j", (node, amount, expected) => {
    expect(evaluateFilter(node, { amount })).toBe(expected);
  });

  it("orders dates as strings", () => {
    const node: FilterNode = {
      op: "between",
      field: "d",
      low: "2024-01-01",
      high: "2024-01-31",
      lowInclusive: true,
      highInclusive: true,
    };
    expect(evaluateFilter(node, { d: "2024-01-15" })).toBe(true);
    expect(evaluateFilter(node, { d: "2024-02-01" })).toBe(false);
  });
});

describe("evaluateFilter: lists and text", () => {
  it.each<[FilterNode, Record<string, unknown>, boolean]>([
    [{ op: "in", field: "stage", values: ["won", "lost"] }, { stage: "lost" }, true],
    [{ op: "in", field: "stage", values: ["won", "lost"] }, { stage: "open" }, false],
    [{ op: "in", field: "stage", values: ["won"] }, { stage: "Won" }, false],
    [{ op: "in", field: "amount", values: [1, 2] }, { amount: "1" }, false],
    [{ op: "in", field: "stage", values: ["won"] }, { stage: ["won"] }, false],
    [{ op: "in", field: "stage", values: ["won"] }, {}, false],
    [{ op: "contains", field: "name", value: "corp" }, { name: "Acme CORP Ltd" }, true],
    [{ op: "contains", field: "name", value: "Ä" }, { name: "bär" }, true],
    [{ op: "contains", field: "name", value: "x" }, { name: "Acme" }, false],
    [{ op: "contains", field: "name", value: "" }, { name: "Acme" }, true],
    [{ op: "contains", field: "name", value: "1" }, { name: 123 }, false],
    [{ op: "contains", field: "name", value: "a" }, {}, false],
    [{ op: "startsWith", field: "name", value: "ac" }, { name: "Acme" }, true],
    [{ op: "startsWith", field: "name", value: "me" }, { name: "Acme" }, false],
    [{ op: "startsWith", field: "name", value: "a" }, { name: null }, false],
    [{ op: "includes", field: "tags", value: "vip" }, { tags: ["new", "vip"] }, true],
    [{ op: "includes", field: "tags", value: "VIP" }, { tags: ["vip"] }, false],
    [{ op: "includes", field: "tags", value: "vip" }, { tags: "vip" }, false],
    [{ op: "includes", field: "tags", value: "vip" }, {}, false],
  ])("%j on %j is %j", (node, record, expected) => {
    expect(evaluateFilter(node, record)).toBe(expected);
  });
});

describe("evaluateFilter: missing, logic and field paths", () => {
  it.each<[FilterNode, Record<string, unknown>, boolean]>([
    [{ op: "missing", field: "email" }, {}, true],
    [{ op: "missing", field: "email" }, { email: null }, true],
    [{ op: "missing", field: "email" }, { email: "" }, false],
    [{ op: "missing", field: "tags" }, { tags: [] }, false],
    [{ op: "not", child: { op: "missing", field: "email" } }, { email: "a@b.c" }, true],
    [{ op: "not", child: eq("amount", 1) }, {}, true],
    [{ op: "and", children: [eq("a", 1), eq("b", 2)] }, { a: 1, b: 2 }, true],
    [{ op: "and", children: [eq("a", 1), eq("b", 2)] }, { a: 1 }, false],
    [{ op: "or", children: [eq("a", 1), eq("b", 2)] }, { b: 2 }, true],
    [{ op: "or", children: [eq("a", 1), eq("b", 2)] }, {}, false],
    [{ op: "true" }, {}, true],
    [eq("account.name", "Acme"), { account: { name: "Acme" } }, true],
    [eq("account.name", "Acme"), { account: null }, false],
    [{ op: "missing", field: "account.name" }, { account: {} }, true],
  ])("%j on %j is %j", (node, record, expected) => {
    expect(evaluateFilter(node, record)).toBe(expected);
  });

  it("reads only own fields", () => {
    expect(evaluateFilter(eq("secret", 1), Object.create({ secret: 1 }))).toBe(false);
    expect(evaluateFilter({ op: "missing", field: "constructor" }, {})).toBe(true);
    expect(evaluateFilter({ op: "missing", field: "toString" }, {})).toBe(true);
  });
});
