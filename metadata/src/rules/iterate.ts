import { truthy } from "./js-coercion.js";

/** map, filter, all, some and none with json-logic-js's answers for a non-array or empty input. */
export const iterate = (name: string, items: unknown, body: (item: unknown) => unknown): unknown => {
  if (!Array.isArray(items)) return name === "none" ? true : name === "all" || name === "some" ? false : [];
  switch (name) {
    case "map":
      return items.map(body);
    case "filter":
      return items.filter((item) => truthy(body(item)));
    case "all":
      return items.length > 0 && items.every((item) => truthy(body(item)));
    case "some":
      return items.some((item) => truthy(body(item)));
    default:
      return !items.some((item) => truthy(body(item)));
  }
};
