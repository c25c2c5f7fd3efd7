import type { FieldDefinition } from "@tessera/metadata";
import type { ConditionGroup, ConditionNode, ConditionRule } from "./condition-tree.js";
import { type ConditionOperator, operatorsFor, valueShapeOf } from "./operators-by-type.js";

/** A row with no field chosen yet. */
export const emptyRule = (): ConditionRule => ({ kind: "rule", field: "", operator: "==" });

/** A nested group starting with one empty row, matching all by default. */
export const emptyGroup = (): ConditionGroup => ({ kind: "group", junction: "and", children: [emptyRule()] });

/** `group` with child `index` replaced by `node`, or removed when `node` is undefined. */
export const replaceChild = (
  group: ConditionGroup,
  index: number,
  node: ConditionNode | undefined,
): ConditionGroup => ({
  ...group,
  children: group.children.flatMap((child, i) => (i !== index ? [child] : node === undefined ? [] : [node])),
});

/** `group` with `node` added as its last child. */
export const appendChild = (group: ConditionGroup, node: ConditionNode): ConditionGroup => ({
  ...group,
  children: [...group.children, node],
});

/** A rule on `field`: its type's first operator, and "yes" for a yes/no field's comparison. */
export const chooseField = (field: FieldDefinition): ConditionRule => {
  const operator = operatorsFor(field)[0] ?? "missing";
  return field.type === "boolean" && valueShapeOf(operator) === "single"
    ? { kind: "rule", field: field.name, operator, value: true }
    : { kind: "rule", field: field.name, operator };
};

/** Another operator keeps the value when it takes the same shape of value (one, a range, a list). */
export const chooseOperator = (
  rule: ConditionRule,
  operator: ConditionOperator,
  field: FieldDefinition | undefined,
): ConditionRule => {
  if (valueShapeOf(rule.operator) === valueShapeOf(operator) && rule.value !== undefined) {
    return { ...rule, operator };
  }
  const start =
    field?.type === "boolean" && valueShapeOf(operator) === "single" ? { value: true as const } : {};
  return { kind: "rule", field: rule.field, operator, ...start };
};
