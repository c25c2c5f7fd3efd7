import { filterFieldsOf } from "../compile/filter-fields.js";
import { isSystemField } from "../fields/field-base.js";
import type { MetadataIssue } from "../issues/metadata-issue.js";
import { escapePointerToken } from "../issues/metadata-issue.js";
import { isPlainObject } from "../json/json-types.js";
import type { ObjectDefinition } from "../kinds/object.js";
import { fieldsRead } from "../rules/analyze.js";
import { checkRule } from "../rules/check-rule.js";
import { parseFilter } from "../rules/filter.js";
import type { CheckContext } from "./check-context.js";

/** One expression found in a document: where it is, which object's records it reads, and how. */
export interface ExpressionSite {
  document: string;
  path: string;
  expression: unknown;
  object: string;
  /** `filter`: must be in the storable subset (it becomes a store query); `rule`: any safe JsonLogic. */
  mode: "rule" | "filter";
}

/** Variables every rule may read besides the record's fields. */
const CONTEXT_ROOTS = new Set(["$user", "$previous"]);

/** The JSON pointer of the first `{"var": path}` in `rule`, relative to the rule. */
const findVar = (rule: unknown, path: string, at = ""): string | undefined => {
  if (Array.isArray(rule)) {
    for (const [i, item] of rule.entries()) {
      const found = findVar(item, path, `${at}/${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isPlainObject(rule)) return undefined;
  for (const [key, value] of Object.entries(rule)) {
    if (key === "var") {
      const name = Array.isArray(value) ? value[0] : value;
      if (name === path) return `${at}/var`;
    }
    const found = findVar(value, path, `${at}/${escapePointerToken(key)}`);
    if (found !== undefined) return found;
  }
  return undefined;
};

const checkRuleSite = (site: ExpressionSite, object: ObjectDefinition): MetadataIssue[] => {
  const problems = checkRule(site.expression);
  if (problems.length > 0) {
    return problems.map((p) => ({
      document: site.document,
      path: `${site.path}${p.path}`,
      code: p.code,
      message: p.message,
    }));
  }
  const fieldNames = new Set(object.fields.map((f) => f.name));
  const issues: MetadataIssue[] = [];
  for (const path of fieldsRead(site.expression)) {
    const [root = "", ...rest] = path.split(".");
    if (CONTEXT_ROOTS.has(root)) {
      const sub = rest[0];
      if (root === "$previous" && sub !== undefined && !fieldNames.has(sub) && !isSystemField(sub)) {
        issues.push(unknownField(site, path, sub, object));
      }
      continue;
    }
    if ((fieldNames.has(root) || isSystemField(root)) && rest.length === 0) continue;
    issues.push(
      rest.length > 0 && fieldNames.has(root)
        ? {
            document: site.document,
            path: `${site.path}${findVar(site.expression, path) ?? ""}`,
            code: "rule.crossObjectReference",
            message: `"${path}" reads through "${root}": rules can read this record's own fields only.`,
          }
        : unknownField(site, path, root, object),
    );
  }
  return issues;
};

const unknownField = (
  site: ExpressionSite,
  path: string,
  name: string,
  object: ObjectDefinition,
): MetadataIssue => ({
  document: site.document,
  path: `${site.path}${findVar(site.expression, path) ?? ""}`,
  code: "rule.unknownField",
  message: `The rule reads "${name}", which is not a field of "${object.name}".`,
});

/** The filter parser words its problems as phrases; issues are sentences like every other. */
const asSentence = (message: string): string => (/[.!?]$/.test(message) ? message : `${message}.`);

const checkFilterSite = (site: ExpressionSite, object: ObjectDefinition): MetadataIssue[] => {
  const parsed = parseFilter(site.expression, filterFieldsOf(object));
  return parsed.ok
    ? []
    : parsed.problems.map((p) => ({
        document: site.document,
        path: `${site.path}${p.path}`,
        code: p.code,
        message: asSentence(p.message),
      }));
};

/** Checks expressions: safe and within budget, and reading only fields that exist. */
export const checkExpressions = (sites: readonly ExpressionSite[], ctx: CheckContext): MetadataIssue[] =>
  sites.flatMap((site) => {
    const object = ctx.objects.get(site.object);
    // An unknown object is reported by the document's own checks; its expressions cannot be judged.
    if (object === undefined || site.expression === undefined) return [];
    return site.mode === "filter" ? checkFilterSite(site, object) : checkRuleSite(site, object);
  });

/** The expressions of an object definition: formulas, default expressions, validation rules, rollup filters. */
export const expressionsOfObject = (object: ObjectDefinition, document: string): ExpressionSite[] => {
  const sites: ExpressionSite[] = [];
  object.fields.forEach((field, i) => {
    if (field.type === "formula") {
      sites.push({
        document,
        path: `/fields/${i}/expression`,
        expression: field.expression,
        object: object.name,
        mode: "rule",
      });
    }
    if ("default" in field && isPlainObject(field.default) && "expression" in field.default) {
      sites.push({
        document,
        path: `/fields/${i}/default/expression`,
        expression: field.default.expression,
        object: object.name,
        mode: "rule",
      });
    }
    if (field.type === "rollupSummary" && field.filter !== undefined) {
      sites.push({
        document,
        path: `/fields/${i}/filter`,
        expression: field.filter,
        object: field.childObject,
        mode: "filter",
      });
    }
  });
  (object.validationRules ?? []).forEach((rule, i) => {
    sites.push({
      document,
      path: `/validationRules/${i}/errorWhen`,
      expression: rule.errorWhen,
      object: object.name,
      mode: "rule",
    });
  });
  return sites;
};
