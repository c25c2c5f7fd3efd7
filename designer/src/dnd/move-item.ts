/** `items` with the element at `from` moved to `to` (a new array; out-of-range moves change nothing). */
export const moveItem = <T>(items: readonly T[], from: number, to: number): T[] => {
  const next = [...items];
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return next;
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
};

/** `items` with `item` inserted at `index` (clamped to the ends). */
export const insertItem = <T>(items: readonly T[], index: number, item: T): T[] => {
  const at = Math.max(0, Math.min(index, items.length));
  return [...items.slice(0, at), item, ...items.slice(at)];
};
