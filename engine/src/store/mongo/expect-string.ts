/**
 * A value bound into a MongoDB selection, checked to be a string: an object there could act as
 * an operator.
 */
export const expectString = (value: unknown, what: string): string => {
  if (typeof value !== "string") throw new TypeError(`${what} must be a string`);
  return value;
};
