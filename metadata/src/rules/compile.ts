import { escapePointerToken } from "../issues/metadata-issue.js";
import type { JsonValue } from "../json/json-types.js";
import { compileComparison } from "./compile-comparison.js";
import { type FieldTest, runFieldTest, truthTest } from "./compile-field-test.js";
import { compileIn } from "./compile-in.js";
import { type Compiled, computed, constant, isScalarConstant, tested } from "./compiled-node.js";
import { type Evaluator, type Meter, newMeter } from "./evaluator.js";
import { iterate } from "./iterate.js";
import { isObjectLike, truthy } from "./js-coercion.js";
import { CLOCK_OPERATIONS, OPERATIONS } from "./operations.js";
import {
  FORBIDDEN_SEGMENTS,
  missingKeys,
  missingSome,
  ownReader,
  pathSegments,
  readSegments,
  readVar,
} from "./read-path.js";
import { operatorError, stringTooLong, tooDeep, tooManyOperations } from "./rule-failures.js";
import { type RuleOptions, type RuleSettings, ruleSettings } from "./rule-options.js";

/** A rule compiled once, evaluated many times: same semantics, safety and budgets as `evaluateRule`. */
export type CompiledRule = (data?: unknown) => JsonValue;

const childPath = (path: string, token: string | number): string => `${path}/${escapePointerToken(token)}`;

const compileNode = (node: unknown, path: string, depth: number, settings: RuleSettings): Compiled => {
  if (typeof node !== "object" || node === null) return constant(node);
  const isArray = Array.isArray(node);
  const keys = isArray ? [] : Object.keys(node);
  if (!isArray && keys.length !== 1) return constant(node);
  if (depth > settings.maxDepth) {
    const error = tooDeep(settings.maxDepth, path);
    return computed(() => {
      throw error;
    });
  }
  if (isArray) return compileArray(node, path, depth, settings);
  const name = keys[0] ?? "";
  const values = (node as Record<string, unknown>)[name];
  const operationPath = childPath(path, name);
  const args = Array.isArray(values)
    ? values.map((arg, i) => compileNode(arg, childPath(operationPath, i), depth + 1, settings))
    : [compileNode(values, operationPath, depth + 1, settings)];
  return compileOperation(name, args, path, settings);
};

/** An array literal evaluates to a fresh array each time, as in the interpreter. */
const compileArray = (
  items: readonly unknown[],
  path: string,
  depth: number,
  settings: RuleSettings,
): Compiled => {
  const compiled = items.map((item, i) => compileNode(item, childPath(path, i), depth + 1, settings));
  if (compiled.every((c) => c.constant)) {
    const values = compiled.map((c) => c.value);
    return { evaluate: () => values.slice(), constant: true, value: values };
  }
  const evaluators = compiled.map((c) => c.evaluate);
  return computed((data, meter) => evaluators.map((f) => f(data, meter)));
};

const compileOperation = (name: string, args: Compiled[], path: string, settings: RuleSettings): Compiled => {
  const fs = args.map((a) => a.evaluate);
  const arg = (i: number): Evaluator => fs[i] ?? (() => undefined);
  switch (name) {
    case "var":
      return compileVar(args);
    case "if":
    case "?:":
      return compileIf(fs);
    case "and":
    case "or":
      return compileLogical(name === "or", args);
    case "!":
    case "!!": {
      const field = args[0]?.field;
      if (field !== undefined) return tested(truthTest(field, name === "!"));
      const f = arg(0);
      return name === "!"
        ? computed((data, meter) => !truthy(f(data, meter)))
        : computed((data, meter) => truthy(f(data, meter)));
    }
    case "missing":
      return computed((data, meter) =>
        missingKeys(
          data,
          fs.map((f) => f(data, meter)),
        ),
      );
    case "missing_some": {
      const [need, keys] = [arg(0), arg(1)];
      return computed((data, meter) => missingSome(data, need(data, meter), keys(data, meter)));
    }
    case "map":
    case "filter":
    case "all":
    case "some":
    case "none":
    case "reduce":
      return compileIteration(name, fs, path, settings);
  }
  return (
    compileComparison(name, args) ?? compileIn(name, args) ?? compileApplication(name, args, path, settings)
  );
};

const compileVar = (args: Compiled[]): Compiled => {
  const [pathArg, fallbackArg] = args;
  const simple =
    (pathArg === undefined || isScalarConstant(pathArg)) &&
    (fallbackArg === undefined || isScalarConstant(fallbackArg));
  if (!simple) {
    const fs = args.map((a) => a.evaluate);
    return computed((data, meter) => {
      const values = fs.map((f) => f(data, meter));
      return readVar(data, values[0], values[1]);
    });
  }
  const notFound = fallbackArg === undefined || fallbackArg.value === undefined ? null : fallbackArg.value;
  const segments = pathSegments(pathArg?.value);
  if (segments === undefined) return computed((data) => data);
  if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) return computed(() => notFound);
  if (segments.length === 1) {
    const key = segments[0] ?? "";
    return { evaluate: ownReader(key, notFound), constant: false, field: { key, notFound } };
  }
  if (segments.length === 2) {
    const first = ownReader(segments[0] ?? "", null);
    const second = ownReader(segments[1] ?? "", notFound);
    return computed((data, meter) => {
      const outer = first(data, meter);
      return outer === null ? notFound : second(outer, meter);
    });
  }
  return computed((data) => readSegments(data, segments, notFound));
};

const compileIf = (fs: Evaluator[]): Compiled => {
  const [a, b, c] = fs;
  if (a === undefined) return constant(null);
  if (b === undefined) return computed(a);
  if (fs.length === 2) return computed((data, meter) => (truthy(a(data, meter)) ? b(data, meter) : null));
  if (fs.length === 3 && c !== undefined) {
    return computed((data, meter) => (truthy(a(data, meter)) ? b(data, meter) : c(data, meter)));
  }
  return computed((data, meter) => {
    let i = 0;
    for (; i < fs.length - 1; i += 2) if (truthy(fs[i]?.(data, meter))) return fs[i + 1]?.(data, meter);
    return fs.length === i + 1 ? fs[i]?.(data, meter) : null;
  });
};

/** `and` returns the first falsy value or the last; `or` the first truthy value or the last. */
const compileLogical = (isOr: boolean, args: Compiled[]): Compiled => {
  const fs = args.map((a) => a.evaluate);
  const [a, b] = fs;
  if (a === undefined) return constant(null);
  if (b === undefined) return computed(a);
  const tests: Array<FieldTest | undefined> = args.map((arg) => arg.test);
  const count = fs.length;
  return computed((data, meter) => {
    let current: unknown = null;
    for (let i = 0; i < count; i += 1) {
      const test = tests[i];
      current = test !== undefined ? runFieldTest(test, data, meter) : (fs[i] as Evaluator)(data, meter);
      if ((current === true || (current !== false && truthy(current))) === isOr) return current;
    }
    return current;
  });
};

const compileIteration = (name: string, fs: Evaluator[], path: string, settings: RuleSettings): Compiled => {
  const [source = () => undefined, body = () => null, seed] = fs;
  const { maxOperations } = settings;
  const spend = (meter: Meter): void => {
    meter.operations += 1;
    if (meter.operations > maxOperations) throw tooManyOperations(maxOperations, path);
  };
  if (name !== "reduce") {
    return computed((data, meter) =>
      iterate(name, source(data, meter), (item) => {
        spend(meter);
        return body(item === undefined ? null : item, meter);
      }),
    );
  }
  return computed((data, meter) => {
    const items = source(data, meter);
    const initial = seed === undefined ? null : seed(data, meter);
    if (!Array.isArray(items)) return initial;
    let accumulator = initial;
    for (const item of items) {
      spend(meter);
      accumulator = body({ current: item === undefined ? null : item, accumulator }, meter);
    }
    return accumulator;
  });
};

/** Every other operator: evaluate the arguments, then apply; constant arguments fold to a constant scalar. */
const compileApplication = (
  name: string,
  args: Compiled[],
  path: string,
  settings: RuleSettings,
): Compiled => {
  const operation = OPERATIONS.get(name);
  const fs = args.map((a) => a.evaluate);
  const evaluateArgs = (data: unknown, meter: Meter): unknown[] => fs.map((f) => f(data, meter));
  if (operation === undefined) {
    const error = operatorError(name, path);
    return computed((data, meter) => {
      evaluateArgs(data, meter);
      throw error;
    });
  }
  const { now, maxOperations, maxStringLength } = settings;
  if (name === "merge") {
    return computed((data, meter) => {
      const merged = operation(evaluateArgs(data, meter), now) as unknown[];
      meter.operations += merged.length;
      if (meter.operations > maxOperations) throw tooManyOperations(maxOperations, path);
      return merged;
    });
  }
  if (name === "cat") {
    return computed((data, meter) => {
      const text = operation(evaluateArgs(data, meter), now) as string;
      if (text.length > maxStringLength) throw stringTooLong(maxStringLength, path);
      return text;
    });
  }
  if (!CLOCK_OPERATIONS.has(name) && args.every((a) => a.constant)) {
    const folded = fold(() =>
      operation(
        args.map((a) => a.value),
        now,
      ),
    );
    if (folded !== undefined) return folded;
  }
  const [a, b] = fs;
  if (fs.length === 1 && a !== undefined) return computed((data, meter) => operation([a(data, meter)], now));
  if (fs.length === 2 && a !== undefined && b !== undefined) {
    return computed((data, meter) => operation([a(data, meter), b(data, meter)], now));
  }
  return computed((data, meter) => operation(evaluateArgs(data, meter), now));
};

/** A constant scalar result, or undefined when the operation fails or yields a (mutable) array. */
const fold = (apply: () => unknown): Compiled | undefined => {
  try {
    const value = apply();
    return isObjectLike(value) ? undefined : constant(value);
  } catch {
    return undefined;
  }
};

/**
 * Compiles a JsonLogic rule into a tree of closures (no `eval`, no `new Function`: it runs under a
 * CSP without unsafe-eval). Unknown operators and nesting beyond `maxDepth` throw a `RuleError`
 * when evaluation reaches them, exactly as `evaluateRule` does; the operation budget counts
 * iterations (and merged items) only.
 */
export const compileRule = (rule: unknown, options?: RuleOptions): CompiledRule => {
  const root = compileNode(rule, "", 1, ruleSettings(options)).evaluate;
  return (data?: unknown): JsonValue => {
    const value = root(data === undefined ? null : data, newMeter());
    return (value === undefined ? null : value) as JsonValue;
  };
};
