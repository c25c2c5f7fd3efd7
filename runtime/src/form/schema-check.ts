/** One way a value fails its schema: where (tokens from the root value), which keyword, its limits. */
export interface SchemaProblem {
  path: ReadonlyArray<string | number>;
  keyword: string;
  params: Record<string, unknown>;
}

type Schema = Record<string, unknown>;
type Path = ReadonlyArray<string | number>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Empty in a form: absent, cleared (`null`) or an empty text. The API stores all three as "no
 * value", so an optional empty property is valid whatever its type, and a required one is missing.
 */
export const isEmptyValue = (value: unknown): boolean =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

const patterns = new Map<string, RegExp | null>();
/** Patterns come from the metadata compilers (fixed, linear ones); a pattern that does not compile is ignored. */
const patternOf = (source: string): RegExp | null => {
  let regex = patterns.get(source);
  if (regex === undefined) {
    try {
      regex = new RegExp(source, "u");
    } catch {
      regex = null;
    }
    patterns.set(source, regex);
  }
  return regex;
};

const isCalendarDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const FORMATS: Record<string, (value: string) => boolean> = {
  email: (value) => value.length <= 254 && /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(value),
  date: isCalendarDate,
  "date-time": (value) =>
    isCalendarDate(value.slice(0, 10)) && value[10] === "T" && !Number.isNaN(Date.parse(value)),
  time: (value) => /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/.test(value),
  uri: (value) => {
    try {
      new URL(value);
      return true;
    } catch {
      return false;
    }
  },
};

const typeMatches = (type: unknown, value: unknown): boolean => {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    case "null":
      return value === null;
    default:
      return true;
  }
};

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** `#/definitions/x` style references inside the root schema; anything else resolves to nothing. */
const resolveRef = (ref: string, root: Schema): Schema | undefined => {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const raw of ref
    .slice(1)
    .split("/")
    .filter((t) => t !== "")) {
    const token = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObject(node) || !Object.hasOwn(node, token)) return undefined;
    node = node[token];
  }
  return isObject(node) ? node : undefined;
};

interface Check {
  root: Schema;
  problems: SchemaProblem[];
  /** Guards against `$ref` cycles. */
  depth: number;
}

const MAX_DEPTH = 32;

const checkNumber = (schema: Schema, value: number, path: Path, check: Check): void => {
  const report = (keyword: string, limit: unknown) =>
    check.problems.push({ path, keyword, params: { limit } });
  if (typeof schema.minimum === "number" && value < schema.minimum) report("minimum", schema.minimum);
  if (typeof schema.maximum === "number" && value > schema.maximum) report("maximum", schema.maximum);
  if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum)
    report("exclusiveMinimum", schema.exclusiveMinimum);
  if (typeof schema.exclusiveMaximum === "number" && value >= schema.exclusiveMaximum)
    report("exclusiveMaximum", schema.exclusiveMaximum);
  if (typeof schema.multipleOf === "number" && schema.multipleOf > 0) {
    const ratio = value / schema.multipleOf;
    if (Math.abs(ratio - Math.round(ratio)) > 1e-9) report("multipleOf", schema.multipleOf);
  }
};

const checkString = (schema: Schema, value: string, path: Path, check: Check): void => {
  const length = [...value].length;
  if (typeof schema.minLength === "number" && length < schema.minLength) {
    check.problems.push({ path, keyword: "minLength", params: { limit: schema.minLength } });
  }
  if (typeof schema.maxLength === "number" && length > schema.maxLength) {
    // Too long already: patterns and formats are not run on oversized input.
    check.problems.push({ path, keyword: "maxLength", params: { limit: schema.maxLength } });
    return;
  }
  if (typeof schema.pattern === "string" && patternOf(schema.pattern)?.test(value) === false) {
    check.problems.push({ path, keyword: "pattern", params: { pattern: schema.pattern } });
  }
  const format = typeof schema.format === "string" ? FORMATS[schema.format] : undefined;
  if (format !== undefined && !format(value)) {
    check.problems.push({ path, keyword: "format", params: { format: schema.format } });
  }
};

const checkArray = (schema: Schema, value: unknown[], path: Path, check: Check): void => {
  if (typeof schema.minItems === "number" && value.length < schema.minItems) {
    check.problems.push({ path, keyword: "minItems", params: { limit: schema.minItems } });
  }
  if (typeof schema.maxItems === "number" && value.length > schema.maxItems) {
    check.problems.push({ path, keyword: "maxItems", params: { limit: schema.maxItems } });
  }
  if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
    check.problems.push({ path, keyword: "uniqueItems", params: {} });
  }
  if (isObject(schema.items)) {
    const items = schema.items;
    value.forEach((item, i) => {
      checkNode(items, item, [...path, i], check);
    });
  }
};

const checkObject = (schema: Schema, value: Record<string, unknown>, path: Path, check: Check): void => {
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (typeof name === "string" && isEmptyValue(value[name])) {
        check.problems.push({
          path: [...path, name],
          keyword: "required",
          params: { missingProperty: name },
        });
      }
    }
  }
  for (const [name, child] of Object.entries(value)) {
    if (child === undefined || child === null || child === "") continue;
    const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (isObject(property)) checkNode(property, child, [...path, name], check);
    else if (schema.additionalProperties === false) {
      check.problems.push({ path: [...path, name], keyword: "additionalProperties", params: { name } });
    } else if (isObject(schema.additionalProperties)) {
      checkNode(schema.additionalProperties, child, [...path, name], check);
    }
  }
};

const problemsOf = (schema: Schema, value: unknown, check: Check): SchemaProblem[] => {
  const inner: Check = { root: check.root, problems: [], depth: check.depth };
  checkNode(schema, value, [], inner);
  return inner.problems;
};

const checkCombinators = (schema: Schema, value: unknown, path: Path, check: Check): void => {
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) if (isObject(part)) checkNode(part, value, path, check);
  }
  const matching = (options: unknown[]) =>
    options.filter((option) => isObject(option) && problemsOf(option, value, check).length === 0).length;
  if (Array.isArray(schema.anyOf) && matching(schema.anyOf) === 0) {
    check.problems.push({ path, keyword: "anyOf", params: {} });
  }
  if (Array.isArray(schema.oneOf)) {
    const count = matching(schema.oneOf);
    if (count !== 1) check.problems.push({ path, keyword: "oneOf", params: { passingSchemas: count } });
  }
  if (isObject(schema.not) && problemsOf(schema.not, value, check).length === 0) {
    check.problems.push({ path, keyword: "not", params: {} });
  }
};

const checkNode = (schema: Schema, value: unknown, path: Path, check: Check): void => {
  if (check.depth > MAX_DEPTH) return;
  if (typeof schema.$ref === "string") {
    const target = resolveRef(schema.$ref, check.root);
    if (target !== undefined) {
      check.depth += 1;
      checkNode(target, value, path, check);
      check.depth -= 1;
    }
  }
  checkCombinators(schema, value, path, check);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => typeMatches(type, value))) {
      check.problems.push({ path, keyword: "type", params: { type: types.join(",") } });
      return;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => sameValue(option, value))) {
    check.problems.push({ path, keyword: "enum", params: { allowedValues: schema.enum } });
  }
  if ("const" in schema && !sameValue(schema.const, value)) {
    check.problems.push({ path, keyword: "const", params: { allowedValue: schema.const } });
  }
  if (typeof value === "number") checkNumber(schema, value, path, check);
  else if (typeof value === "string") checkString(schema, value, path, check);
  else if (Array.isArray(value)) checkArray(schema, value, path, check);
  else if (isObject(value)) checkObject(schema, value, path, check);
};

/**
 * Checks a value against the JSON Schema subset the metadata compilers produce (types, enum,
 * const, numeric bounds, lengths, patterns, formats, items, properties, required, anyOf, oneOf,
 * allOf, not, local `$ref`), without generating code: the browser's CSP forbids eval.
 */
export const checkValue = (schema: unknown, value: unknown, root: unknown = schema): SchemaProblem[] => {
  if (!isObject(schema)) return [];
  const check: Check = { root: isObject(root) ? root : schema, problems: [], depth: 0 };
  checkNode(schema, value, [], check);
  return check.problems;
};
