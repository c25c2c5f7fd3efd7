import { type CompiledRule, compileRule, expressionOfValue, type JsonValue } from "@tessera/metadata";

/** An action value compiled once per metadata version: a literal, or an expression on the record. */
export type CompiledValue = (data: unknown) => JsonValue;

export const compileActionValue = (value: unknown): CompiledValue => {
  const computed = expressionOfValue(value);
  if (computed === undefined) {
    const literal = (value ?? null) as JsonValue;
    return () => literal;
  }
  const rule: CompiledRule = compileRule(computed.expression);
  return (data) => rule(data);
};

export const compileOptionalRule = (rule: unknown): CompiledRule | undefined =>
  rule === undefined ? undefined : compileRule(rule);
