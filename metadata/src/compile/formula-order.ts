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
    if (component.length > 1 || selfLoop)
      cycles.push([...orderCycle(component, graph), component[0] ?? node]);
  };

  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
};

/** Walks a strongly connected component from its first member along dependency edges. */
const orderCycle = (component: string[], graph: Map<string, string[]>): string[] => {
  const members = new Set(component);
  const path: string[] = [];
  let current = component[0];
  while (current !== undefined && !path.includes(current)) {
    path.push(current);
    current = (graph.get(current) ?? []).find((n) => members.has(n) && !path.includes(n)) ?? undefined;
  }
  return path;
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
