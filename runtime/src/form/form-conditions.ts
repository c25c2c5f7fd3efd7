import { compileRule, type FieldConditions } from "@tessera/metadata";

/** Which fields the layout's live rules hide, require or lock for the current form data. */
export interface FieldStates {
  hidden: string[];
  required: string[];
  readOnly: string[];
}

const NO_FIELD_STATES: FieldStates = { hidden: [], required: [], readOnly: [] };

type Predicate = (data: Record<string, unknown>) => boolean;

/** JsonLogic truthiness, as the server applies it. */
const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value));

/**
 * A rule as a predicate. A rule that cannot be evaluated does not apply (the field stays shown,
 * optional and editable): the server re-checks every rule, so failing open here loses nothing.
 */
const predicate = (rule: unknown): Predicate | undefined => {
  if (rule === undefined) return undefined;
  let compiled: ReturnType<typeof compileRule>;
  try {
    compiled = compileRule(rule);
  } catch {
    return undefined;
  }
  return (data) => {
    try {
      return truthy(compiled(data));
    } catch {
      return false;
    }
  };
};

interface CompiledField {
  name: string;
  visible?: Predicate;
  required?: Predicate;
  readOnly?: Predicate;
}

/**
 * Compiles a form's `visibleWhen` / `requiredWhen` / `readOnlyWhen` rules once; the returned
 * function evaluates them all against the data of one change.
 */
export const compileConditions = (
  conditions: Record<string, FieldConditions>,
): ((data: Record<string, unknown>) => FieldStates) => {
  const fields: CompiledField[] = Object.entries(conditions).map(([name, c]) => {
    const [visible, required, readOnly] = [c.visibleWhen, c.requiredWhen, c.readOnlyWhen].map(predicate);
    return {
      name,
      ...(visible !== undefined && { visible }),
      ...(required !== undefined && { required }),
      ...(readOnly !== undefined && { readOnly }),
    };
  });
  if (fields.length === 0) return () => NO_FIELD_STATES;
  return (data) => {
    const states: FieldStates = { hidden: [], required: [], readOnly: [] };
    for (const field of fields) {
      if (field.visible !== undefined && !field.visible(data)) {
        states.hidden.push(field.name);
        continue;
      }
      if (field.required?.(data) === true) states.required.push(field.name);
      if (field.readOnly?.(data) === true) states.readOnly.push(field.name);
    }
    return states;
  };
};

export const sameFieldStates = (a: FieldStates, b: FieldStates): boolean =>
  a.hidden.join() === b.hidden.join() &&
  a.required.join() === b.required.join() &&
  a.readOnly.join() === b.readOnly.join();
