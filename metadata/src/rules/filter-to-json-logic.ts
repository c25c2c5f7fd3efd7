import type { JsonValue } from "../json/json-types.js";
import type { FilterNode } from "./filter-node.js";

const field = (name: string): JsonValue => ({ var: name });

/**
 * The canonical JsonLogic of a filter, the form stored in metadata. `parseFilter` gives the node
 * back, with one exception the parser never produces: a `between` with different inclusivity at its
 * two ends has no single JsonLogic form and is written as an `and` of two comparisons.
 */
export const filterToJsonLogic = (node: FilterNode): JsonValue => {
  switch (node.op) {
    case "and":
      return { and: node.children.map(filterToJsonLogic) };
    case "or":
      return { or: node.children.map(filterToJsonLogic) };
    case "not":
      return { "!": filterToJsonLogic(node.child) };
    case "true":
      return true;
    case "missing":
      return { missing: [node.field] };
    case "compare":
      return { [node.operator]: [field(node.field), node.value] };
    case "in":
      return { in: [field(node.field), [...node.values]] };
    case "contains":
    case "includes":
      return { in: [node.value, field(node.field)] };
    case "startsWith":
      return { startsWith: [field(node.field), node.value] };
    case "between":
      if (node.lowInclusive === node.highInclusive) {
        return { [node.lowInclusive ? "<=" : "<"]: [node.low, field(node.field), node.high] };
      }
      return {
        and: [
          { [node.lowInclusive ? ">=" : ">"]: [field(node.field), node.low] },
          { [node.highInclusive ? "<=" : "<"]: [field(node.field), node.high] },
        ],
      };
  }
};
