/** A list's limit as every list of the store takes it: a non-negative integer (0: nothing). */
export const checkedLimit = (limit: unknown, list: string): number => {
  if (typeof limit !== "number" || !Number.isSafeInteger(limit) || limit < 0)
    throw new RangeError(`${list} limit must be a non-negative integer`);
  return limit;
};
