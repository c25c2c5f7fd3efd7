import type { ObjectDefinition } from "../kinds/object.js";
import { rootFieldsRead } from "../rules/analyze.js";

/** Each formula field of `object` and the formula fields its expression reads. */
export const formulaDependencies = (object: ObjectDefinition): Map<string, string[]> => {
  const formulas = new Set(object.fields.filter((f) => f.type === "formula").map((f) => f.name));
  const graph = new Map<string, string[]>();
  for (const field of object.fields) {
    if (field.type !== "formula") continue;
    graph.set(
      field.name,
      rootFieldsRead(field.expression).filter((name) => formulas.has(name)),
    );
  }
  return graph;
};

/**
 * Cycles among formula fields, each as the path that closes it (["a", "b", "a"]), found once each.
 * Tarjan's strongly connected components: a component of more than one field, or a field reading
 * itself, is a cycle.
 */
export const formulaCycles = (object: ObjectDefinition): string[][] => {
  const graph = formulaDependencies(object);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;

  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.unshift(member);
    } while (member !== node);
    const selfLoop = component.length === 1 && (graph.get(node) ?? []).includes(node);
    if (component.length > 1 || selfLoop) cycles.push(closedWalk(node, component, graph));
  };

  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
};

/**
 * A shortest walk along dependency edges from `start` back to it, inside its strongly connected
 * component: ["a", "b", "a"]. Every step of the walk is an edge, so the message names a real cycle.
 */
const closedWalk = (start: string, component: string[], graph: Map<string, string[]>): string[] => {
  const members = new Set(component);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (const node of queue) {
    for (const next of graph.get(node) ?? []) {
      if (next === start) {
        const walk = [node];
        for (let at = cameFrom.get(node); at !== undefined; at = cameFrom.get(at)) walk.unshift(at);
        return [...walk, start];
      }
      if (members.has(next) && next !== start && !cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  // Unreachable: every member of a component (or a self-loop) lies on a cycle through `start`.
  return [start, start];
};

/**
 * The order in which formulas must be computed so each sees the values it reads.
 * Throws on a cycle; published metadata never has one (semantic validation refuses it).
 */
export const formulaEvaluationOrder = (object: ObjectDefinition): string[] => {
  const graph = formulaDependencies(object);
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (node: string): void => {
    const s = state.get(node);
    if (s === "done") return;
    if (s === "visiting") throw new Error(`Formula cycle through "${node}" in object "${object.name}"`);
    state.set(node, "visiting");
    for (const next of graph.get(node) ?? []) visit(next);
    state.set(node, "done");
    order.push(node);
  };
  for (const node of graph.keys()) visit(node);
  return order;
};
