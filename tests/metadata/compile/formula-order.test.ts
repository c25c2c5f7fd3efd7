import { describe, expect, it } from "vitest";
import {
  formulaCycles,
  formulaDependencies,
  formulaEvaluationOrder,
} from "../../../metadata/src/compile/formula-order.js";
import type { ObjectDefinition } from "../../../metadata/src/kinds/object.js";
import { formula, number, text } from "../builders.js";

/** A number formula adding the fields it reads: `sum("c", "a", "b")` reads a and b. */
const sum = (name: string, ...reads: string[]) =>
  formula(name, { returnType: "number", expression: { "+": [0, ...reads.map((r) => ({ var: r }))] } });

const objectWith = (...fields: ObjectDefinition["fields"]): ObjectDefinition => ({
  kind: "object",
  name: "sheet",
  label: { en: "Sheet" },
  pluralLabel: { en: "Sheets" },
  recordName: "name",
  sharingModel: "private",
  fields: [text("name"), number("base"), ...fields],
});

/** Every step of a reported cycle must be a real dependency of the object. */
const isWalk = (object: ObjectDefinition, cycle: readonly string[]): boolean => {
  const graph = formulaDependencies(object);
  return cycle.slice(1).every((next, i) => graph.get(cycle[i] ?? "")?.includes(next) === true);
};

describe("formulaDependencies", () => {
  it("lists, per formula, the formulas it reads (plain fields, system fields and $previous are not)", () => {
    const object = objectWith(
      sum("net", "base"),
      sum("tax", "net", "createdAt"),
      formula("changed", { returnType: "boolean", expression: { "!=": [{ var: "$previous.net" }, 1] } }),
      sum("gross", "net", "tax", "name"),
    );
    expect(formulaDependencies(object)).toEqual(
      new Map([
        ["net", []],
        ["tax", ["net"]],
        ["changed", []],
        ["gross", ["net", "tax"]],
      ]),
    );
  });
});

describe("formulaCycles", () => {
  it("finds none when formulas only read plain fields or earlier results", () => {
    expect(formulaCycles(objectWith(sum("a", "base"), sum("b", "a"), sum("c", "a", "b")))).toEqual([]);
  });

  it("reports two formulas reading each other as the path a -> b -> a", () => {
    expect(formulaCycles(objectWith(sum("a", "b"), sum("b", "a")))).toEqual([["a", "b", "a"]]);
  });

  it("reports a formula reading itself", () => {
    expect(formulaCycles(objectWith(sum("a", "a", "base")))).toEqual([["a", "a"]]);
  });

  it("reports a three-formula circle in dependency order", () => {
    expect(formulaCycles(objectWith(sum("a", "b"), sum("b", "c"), sum("c", "a")))).toEqual([
      ["a", "b", "c", "a"],
    ]);
  });

  it("does not include a formula that only reads into a cycle", () => {
    expect(formulaCycles(objectWith(sum("total", "a"), sum("a", "b"), sum("b", "a")))).toEqual([
      ["a", "b", "a"],
    ]);
  });

  it("reports separate cycles once each", () => {
    const object = objectWith(sum("a", "b"), sum("b", "a"), sum("x", "y"), sum("y", "x"));
    expect(formulaCycles(object)).toEqual([
      ["a", "b", "a"],
      ["x", "y", "x"],
    ]);
  });

  it("reports a path whose every step is a real dependency, whatever the field order", () => {
    // a -> b, b -> c, b -> a, c -> b: one component where a greedy walk could close on a non-edge.
    const reads: Record<string, string[]> = { a: ["b"], b: ["c", "a"], c: ["b"] };
    for (const order of [
      ["a", "b", "c"],
      ["a", "c", "b"],
      ["b", "a", "c"],
      ["b", "c", "a"],
      ["c", "a", "b"],
      ["c", "b", "a"],
    ]) {
      const object = objectWith(...order.map((name) => sum(name, ...(reads[name] ?? []))));
      const cycles = formulaCycles(object);
      expect(cycles, order.join()).toHaveLength(1);
      const [cycle = []] = cycles;
      expect(cycle[0], order.join()).toBe(cycle.at(-1));
      expect(isWalk(object, cycle), `${order.join()}: ${cycle.join(" -> ")}`).toBe(true);
    }
  });
});

describe("formulaEvaluationOrder", () => {
  it("computes every formula after the formulas it reads, whatever the field order", () => {
    expect(formulaEvaluationOrder(objectWith(sum("c", "b"), sum("b", "a"), sum("a", "base")))).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("orders a diamond: the shared input first, the formula reading both last", () => {
    const order = formulaEvaluationOrder(
      objectWith(sum("top", "left", "right"), sum("left", "root"), sum("right", "root"), sum("root", "base")),
    );
    expect(order[0]).toBe("root");
    expect(order.at(-1)).toBe("top");
    expect([...order].sort()).toEqual(["left", "right", "root", "top"]);
  });

  it("keeps field order among independent formulas", () => {
    expect(formulaEvaluationOrder(objectWith(sum("x", "base"), sum("y", "base")))).toEqual(["x", "y"]);
  });

  it("throws on a cycle, naming the object", () => {
    expect(() => formulaEvaluationOrder(objectWith(sum("a", "b"), sum("b", "a")))).toThrow(/"sheet"/);
  });
});
