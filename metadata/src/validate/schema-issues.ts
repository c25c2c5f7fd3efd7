import type { ErrorObject } from "ajv";
import { NAME_PATTERN } from "../fields/field-base.js";
import type { MetadataIssue } from "../issues/metadata-issue.js";
import { escapePointerToken } from "../issues/metadata-issue.js";

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "empty",
};

const describeType = (type: unknown): string =>
  (Array.isArray(type) ? type : [type]).map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(" or ");

const quote = (value: unknown): string => JSON.stringify(value);

/**
 * `sentence` about the value at `at`, naming it by its key ('"approvers" needs at least 1 entry.');
 * a list entry or the whole document has no name of its own, so the sentence is kept as it is.
 */
const aboutValueAt = (at: string, sentence: string): string => {
  const token = at
    .slice(at.lastIndexOf("/") + 1)
    .replace(/~1/g, "/")
    .replace(/~0/g, "~");
  if (token === "" || /^[0-9]+$/.test(token)) return sentence;
  return `${quote(token)} ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
};

/** Words a business admin understands for one ajv error, and the pointer it is about. */
const describe = (error: ErrorObject): { path: string; message: string } => {
  const { path, message } = describeKeyword(error);
  const named = path === error.instancePath ? aboutValueAt(path, message) : message;
  return { path, message: named };
};

const describeKeyword = (error: ErrorObject): { path: string; message: string } => {
  const at = error.instancePath;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return {
        path: `${at}/${escapePointerToken(String(p.missingProperty))}`,
        message: `${quote(p.missingProperty)} is required.`,
      };
    case "additionalProperties":
      return {
        path: `${at}/${escapePointerToken(String(p.additionalProperty))}`,
        message: `${quote(p.additionalProperty)} is not a known setting here.`,
      };
    case "type":
      return { path: at, message: `Must be ${describeType(p.type)}.` };
    case "const":
      return { path: at, message: `Must be ${quote(p.allowedValue)}.` };
    case "enum":
      return {
        path: at,
        message: `Must be one of: ${(p.allowedValues as unknown[]).map(quote).join(", ")}.`,
      };
    case "pattern":
      return p.pattern === NAME_PATTERN
        ? {
            path: at,
            message:
              "Must start with a lower-case letter, contain only letters and digits (at most 63) and not be a reserved word such as constructor; e.g. closeDate.",
          }
        : { path: at, message: "Has an invalid format." };
    case "minLength":
      return {
        path: at,
        message: p.limit === 1 ? "Must not be empty." : `Must be at least ${p.limit} characters.`,
      };
    case "maxLength":
      return { path: at, message: `Must be at most ${p.limit} characters.` };
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum":
      return { path: at, message: `Must be ${p.comparison} ${p.limit}.` };
    case "minItems":
      return { path: at, message: `Needs at least ${p.limit} ${p.limit === 1 ? "entry" : "entries"}.` };
    case "maxItems":
      return { path: at, message: `Can have at most ${p.limit} entries.` };
    case "uniqueItems":
      return { path: at, message: "Must not contain the same entry twice." };
    case "format":
      return { path: at, message: `Must be a valid ${p.format}.` };
    case "propertyNames":
      return {
        path: `${at}/${escapePointerToken(String(p.propertyName))}`,
        message: `${quote(p.propertyName)} is not allowed as a name.`,
      };
    default: {
      const text = error.message ?? "is not valid";
      return { path: at, message: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` };
    }
  }
};

/** The index of the anyOf branch an error belongs to, if it lies under `anyOfPath`. */
const branchOf = (error: ErrorObject, anyOfPath: string): number | undefined => {
  if (!error.schemaPath.startsWith(`${anyOfPath}/`)) return undefined;
  const index = Number(error.schemaPath.slice(anyOfPath.length + 1).split("/")[0]);
  return Number.isInteger(index) ? index : undefined;
};

/** A branch is ruled out when a `const` of one of its direct properties (its discriminator) fails. */
const isDiscriminatorMiss = (error: ErrorObject, instancePath: string): boolean =>
  error.keyword === "const" &&
  error.instancePath.startsWith(`${instancePath}/`) &&
  !error.instancePath.slice(instancePath.length + 1).includes("/");

/**
 * ajv reports every branch of a failed `anyOf`. For unions discriminated by a constant property
 * (`type`, `kind`) only the branch the document meant is relevant; for the others the errors are
 * noise. This keeps the intended branch's errors, or says which values the discriminator allows.
 */
const resolveUnions = (input: ErrorObject[]): ErrorObject[] => {
  let errors = [...input];
  const unions = errors
    .filter((e) => e.keyword === "anyOf")
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const union of unions) {
    const anyOfPath = union.schemaPath;
    const byBranch = new Map<number, ErrorObject[]>();
    for (const e of errors) {
      const branch = branchOf(e, anyOfPath);
      if (branch !== undefined && e.instancePath.startsWith(union.instancePath)) {
        byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
      }
    }
    const inUnion = new Set([union, ...[...byBranch.values()].flat()]);
    const remaining = errors.filter((e) => !inUnion.has(e));
    const candidates = [...byBranch.values()].filter(
      (es) => !es.some((e) => isDiscriminatorMiss(e, union.instancePath)),
    );
    if (candidates.length > 0) {
      const best = candidates.reduce((a, b) => (b.length < a.length ? b : a));
      errors = [...remaining, ...best];
      continue;
    }
    const misses = [...byBranch.values()].flat().filter((e) => isDiscriminatorMiss(e, union.instancePath));
    const allowed = [...new Set(misses.map((e) => (e.params as { allowedValue: unknown }).allowedValue))];
    const at = misses[0]?.instancePath ?? union.instancePath;
    errors = [
      ...remaining,
      misses.length > 0
        ? { ...union, keyword: "enum", instancePath: at, params: { allowedValues: allowed } }
        : { ...union, message: "does not match any allowed form" },
    ];
  }
  return errors;
};

/** Turns ajv errors into issues with JSON pointers (prefixed by `pathPrefix`) and readable messages. */
export const schemaIssues = (
  errors: readonly ErrorObject[],
  document: string,
  pathPrefix = "",
): MetadataIssue[] => {
  const seen = new Set<string>();
  const issues: MetadataIssue[] = [];
  for (const error of resolveUnions([...errors])) {
    const { path, message } = describe(error);
    const issue = { document, path: `${pathPrefix}${path}`, code: `schema.${error.keyword}`, message };
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
};
