import type { FilterNode } from "@tessera/metadata";

export type { JsonObject } from "@tessera/metadata";

/** ANDs filters, leaving out absent ones; `undefined` when none is left (no restriction). */
export const and = (...filters: ReadonlyArray<FilterNode | undefined>): FilterNode | undefined => {
  const present = filters.filter((f): f is FilterNode => f !== undefined && f.op !== "true");
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return { op: "and", children: present };
};

export const idIs = (id: string): FilterNode => ({ op: "compare", field: "id", operator: "==", value: id });
