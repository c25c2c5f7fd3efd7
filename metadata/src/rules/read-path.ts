import { isGreaterOrEqual, toText } from "./js-coercion.js";

/** Path segments a rule may never read: they reach prototypes rather than data. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

const OBJECT_PROTOTYPE = Object.prototype;
const MAX_ARRAY_INDEX = 4_294_967_294;
const INDEX = /^(?:0|[1-9]\d*)$/;

export const isIndexKey = (key: string): boolean => INDEX.test(key) && Number(key) <= MAX_ARRAY_INDEX;

/**
 * Per-evaluation memory of a compiled rule's reads. `plain` and `previous` are the last two objects
 * found to be plain (a record and one nested object), so reading many fields checks each prototype
 * once. `prototypeClean` says Object.prototype has no enumerable property, i.e. nothing polluted it
 * (pollution bugs assign, and assigned properties are enumerable). Valid for one evaluation only:
 * nothing a rule does can change a prototype meanwhile.
 */
export interface PlainObjectCache {
  plain: unknown;
  previous: unknown;
  readonly prototypeClean: boolean;
}

/** The initial value of `plain` and `previous`: an object no data can be. */
export const NO_PLAIN_OBJECT: object = Object.freeze({});

const EMPTY: object = Object.freeze({});
/** True while Object.prototype has no enumerable property: `for...in` over `{}` visits inherited ones. */
export const objectPrototypeIsClean = (): boolean => {
  for (const _key in EMPTY) return false;
  return true;
};

/** Keys a plain object inherits from an unpolluted Object.prototype (`toString`, `valueOf`, ...). */
export const isInheritedKey = (key: string): boolean => key in OBJECT_PROTOTYPE;

/**
 * A reader of one step of a `var` path with a known key: an own property of a plain object
 * (prototype Object.prototype or null) or an element of an array, else `notFound`. So strings,
 * class instances, inherited members (even of a polluted Object.prototype) and an array's `length`
 * are never read, and no getter of a class runs. JSON data has no non-enumerable own properties,
 * so "own" and "own enumerable" agree on it.
 */
export const ownReader = (
  key: string,
  notFound: unknown,
): ((container: unknown, cache: PlainObjectCache) => unknown) => {
  if (FORBIDDEN_SEGMENTS.has(key)) return () => notFound;
  const isIndex = isIndexKey(key);
  const inherited = isInheritedKey(key);
  return (container, cache) => {
    const value = readField(container, key, isIndex, inherited, cache);
    return value === undefined ? notFound : value;
  };
};

/**
 * `ownReader`'s step as a small plain function, so compiled closures call it directly. `key` is not
 * a forbidden segment, `isIndex` is `isIndexKey(key)`, `inherited` is `isInheritedKey(key)`. On a
 * known plain object, a key Object.prototype does not have can only be found as an own property
 * while the prototype is clean, which spares the own-property lookup on the hot path.
 */
export const readField = (
  container: unknown,
  key: string,
  isIndex: boolean,
  inherited: boolean,
  cache: PlainObjectCache,
): unknown =>
  container === cache.plain || container === cache.previous
    ? (cache.prototypeClean && !inherited) || Object.hasOwn(container as object, key)
      ? (container as Record<string, unknown>)[key]
      : undefined
    : readFieldChecked(container, key, isIndex, cache);

/** `readField` for a container not yet known to be a plain object. */
const readFieldChecked = (
  container: unknown,
  key: string,
  isIndex: boolean,
  cache: PlainObjectCache,
): unknown => {
  if (typeof container !== "object" || container === null) return undefined;
  const prototype = Object.getPrototypeOf(container);
  if (prototype !== OBJECT_PROTOTYPE && prototype !== null) {
    return isIndex && Array.isArray(container) && Object.hasOwn(container, key)
      ? container[Number(key)]
      : undefined;
  }
  cache.previous = cache.plain;
  cache.plain = container;
  return Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
};

/** One step of a `var` path with a key known only at evaluation time; see `ownReader`. */
const readOwn = (container: unknown, key: string): unknown => {
  if (typeof container !== "object" || container === null || FORBIDDEN_SEGMENTS.has(key)) return undefined;
  if (Array.isArray(container)) {
    return isIndexKey(key) && Object.hasOwn(container, key) ? container[Number(key)] : undefined;
  }
  const prototype = Object.getPrototypeOf(container);
  if (prototype !== OBJECT_PROTOTYPE && prototype !== null) return undefined;
  return Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
};

/** Segments of a `var` path, or undefined when the path means "the whole data" (absent, null or ""). */
export const pathSegments = (path: unknown): string[] | undefined =>
  path === undefined || path === null || path === "" ? undefined : toText(path).split(".");

/** Follows `segments` from `data`; `notFound` when a step is missing or its value is undefined. */
export const readSegments = (data: unknown, segments: readonly string[], notFound: unknown): unknown => {
  let current = data;
  for (const segment of segments) {
    if (current === null || current === undefined) return notFound;
    current = readOwn(current, segment);
    if (current === undefined) return notFound;
  }
  return current;
};

/** `{"var": [path, default]}` with evaluated arguments. */
export const readVar = (data: unknown, path: unknown, fallback: unknown): unknown => {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === null || path === "") return data === undefined ? null : data;
  const text = toText(path);
  // Walks the dotted path without splitting it: this runs for every var the interpreter meets.
  let current = data;
  let start = 0;
  while (start <= text.length) {
    const dot = text.indexOf(".", start);
    const end = dot === -1 ? text.length : dot;
    if (current === null || current === undefined) return notFound;
    current = readOwn(current, start === 0 && end === text.length ? text : text.slice(start, end));
    if (current === undefined) return notFound;
    start = end + 1;
  }
  return current;
};

/** `missing`: the keys whose value is null, absent or "". One array argument is the list of keys. */
export const missingKeys = (data: unknown, args: readonly unknown[]): unknown[] => {
  const keys = Array.isArray(args[0]) ? (args[0] as readonly unknown[]) : args;
  const missing: unknown[] = [];
  for (const key of keys) {
    const value = readVar(data, key, null);
    if (value === null || value === "") missing.push(key);
  }
  return missing;
};

/**
 * `missing_some`: [] when at least `need` of `keys` are present, else the missing ones. Unlike
 * json-logic-js the keys are not evaluated a second time as a rule (data is never run as logic).
 */
export const missingSome = (data: unknown, need: unknown, keys: unknown): unknown[] => {
  const list = Array.isArray(keys) ? (keys as readonly unknown[]) : [keys];
  const missing = missingKeys(data, [list]);
  return isGreaterOrEqual(list.length - missing.length, need) ? [] : missing;
};
