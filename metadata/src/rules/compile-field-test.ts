import type { Evaluator } from "./evaluator.js";
import {
  isGreater,
  isGreaterOrEqual,
  isLess,
  isLessOrEqual,
  isObjectLike,
  looseEquals,
  toText,
  truthy,
} from "./js-coercion.js";
import { isIndexKey, isInheritedKey, type PlainObjectCache, readField } from "./read-path.js";

/** A `{"var": key}` of one safe segment with a constant scalar default, as the compiler saw it. */
export interface FieldRead {
  readonly key: string;
  readonly notFound: unknown;
}

/**
 * A test of one field against constants, stored as data rather than as a closure: the shape most
 * CRM rules are made of (`{"<": [{"var": "amount"}, 5]}`, `{"in": [{"var": "stage"}, [...]]}`,
 * `{"!": {"var": "closed"}}`). `and`/`or` run lists of them in one loop of direct calls instead of
 * a closure call per node, which is what makes compiled rules fast on list views and imports.
 * Every test gives exactly the result of the rule it was made from.
 */
export interface FieldTest {
  readonly key: string;
  readonly isIndex: boolean;
  readonly inherited: boolean;
  readonly notFound: unknown;
  /** One of the opcodes below; comparisons always have the field on the left. */
  readonly op: number;
  readonly constant: unknown;
  /** typeof `constant` when it is a number or a string (same-typed values compare natively), else "". */
  readonly nativeType: string;
  /** IN_SET: the listed scalars. */
  readonly members: ReadonlySet<unknown> | undefined;
  /** HAS: the constant as text, for a substring test. */
  readonly text: string;
}

const EQ = 0;
const NE = 1;
const SEQ = 2;
const SNE = 3;
const LT = 4;
const LE = 5;
const GT = 6;
const GE = 7;
/** `{"in": [field, [scalars]]}` */
const IN_SET = 8;
/** `{"in": [constant, field]}` */
const HAS = 9;
/** `{"!": field}` */
const NOT = 10;
/** `{"!!": field}` */
const TRUTHY = 11;

// A Map, not an object literal: operator names come from rules, and "constructor" must not be found.
const COMPARISONS: ReadonlyMap<string, number> = new Map([
  ["==", EQ],
  ["!=", NE],
  ["===", SEQ],
  ["!==", SNE],
  ["<", LT],
  ["<=", LE],
  [">", GT],
  [">=", GE],
]);
/** `c < v` is `v > c`: the mirror of each comparison for a constant on the left. */
const MIRROR = [EQ, NE, SEQ, SNE, GT, GE, LT, LE];

const test = (field: FieldRead, op: number, constant: unknown, members?: ReadonlySet<unknown>): FieldTest => {
  const type = typeof constant;
  return {
    key: field.key,
    isIndex: isIndexKey(field.key),
    inherited: isInheritedKey(field.key),
    notFound: field.notFound,
    op,
    constant,
    nativeType: type === "number" || type === "string" ? type : "",
    members,
    text: op === HAS ? toText(constant) : "",
  };
};

/** `{"<": [field, c]}` and the other comparisons with a constant scalar, either way round. */
export const comparisonTest = (
  name: string,
  field: FieldRead,
  c: unknown,
  constantOnRight: boolean,
): FieldTest | undefined => {
  const code = COMPARISONS.get(name);
  if (code === undefined || isObjectLike(c)) return undefined;
  return test(field, constantOnRight ? code : (MIRROR[code] ?? code), c);
};

/** `{"in": [field, [scalars]]}`: a set lookup (no NaN, so SameValueZero is indexOf's ===). */
export const membershipTest = (field: FieldRead, list: readonly unknown[]): FieldTest | undefined =>
  list.every((item) => !isObjectLike(item) && !Number.isNaN(item))
    ? test(field, IN_SET, undefined, new Set(list))
    : undefined;

/** `{"in": [c, field]}` with a constant scalar `c`. */
export const containsTest = (field: FieldRead, c: unknown): FieldTest | undefined =>
  isObjectLike(c) ? undefined : test(field, HAS, c);

/** `{"!": field}` or `{"!!": field}`. */
export const truthTest = (field: FieldRead, negate: boolean): FieldTest =>
  test(field, negate ? NOT : TRUTHY, undefined);

/** Runs a field test. */
export const runFieldTest = (t: FieldTest, data: unknown, cache: PlainObjectCache): boolean => {
  let v = readField(data, t.key, t.isIndex, t.inherited, cache);
  if (v === undefined) v = t.notFound;
  const op = t.op;
  if (op > GE) return runOtherTest(t, op, v);
  const c = t.constant;
  if (typeof v === t.nativeType) {
    const a = v as number;
    const b = c as number;
    switch (op) {
      case EQ:
      case SEQ:
        return a === b;
      case NE:
      case SNE:
        return a !== b;
      case LT:
        return a < b;
      case LE:
        return a <= b;
      case GT:
        return a > b;
      default:
        return a >= b;
    }
  }
  switch (op) {
    case EQ:
      return looseEquals(v, c);
    case NE:
      return !looseEquals(v, c);
    case SEQ:
      return v === c;
    case SNE:
      return v !== c;
    case LT:
      return isLess(v, c);
    case LE:
      return isLessOrEqual(v, c);
    case GT:
      return isGreater(v, c);
    default:
      return isGreaterOrEqual(v, c);
  }
};

const runOtherTest = (t: FieldTest, op: number, v: unknown): boolean => {
  switch (op) {
    case IN_SET:
      return t.members?.has(v) === true;
    case HAS:
      if (typeof v === "string") return v !== "" && v.includes(t.text);
      return Array.isArray(v) && v.indexOf(t.constant) !== -1;
    case NOT:
      return !truthy(v);
    default:
      return truthy(v);
  }
};

export const fieldTestEvaluator =
  (t: FieldTest): Evaluator =>
  (data, meter) =>
    runFieldTest(t, data, meter);
