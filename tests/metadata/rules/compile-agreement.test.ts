import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRule } from "../../../metadata/src/rules/compile.js";
import { evaluateRule } from "../../../metadata/src/rules/evaluate.js";
import { RuleError } from "../../../metadata/src/rules/rule-error.js";
import { record, rule } from "./rule-arbitraries.js";

const options = { now: () => new Date("2024-05-01T10:00:00.000Z") };

type Outcome = { value: unknown } | { error: string; path?: string };

const outcome = (run: () => unknown): Outcome => {
  try {
    return { value: run() };
  } catch (error) {
    return error instanceof RuleError ? { error: error.code, path: error.path } : { error: String(error) };
  }
};

describe("compileRule agrees with evaluateRule", () => {
  it("gives the same value or the same error for random rules on random records", () => {
    fc.assert(
      fc.property(rule(true), record, (r, data) => {
        const compiled = outcome(() => compileRule(r, options)(data));
        const interpreted = outcome(() => evaluateRule(r, data, options));
        expect(compiled).toEqual(interpreted);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the same value when one compiled rule runs on many records", () => {
    fc.assert(
      fc.property(rule(true), fc.array(record, { minLength: 2, maxLength: 5 }), (r, records) => {
        const compiled = outcome(() => compileRule(r, options));
        if (!("value" in compiled)) return;
        const run = compiled.value as (data: unknown) => unknown;
        for (const data of records)
          expect(outcome(() => run(data))).toEqual(outcome(() => evaluateRule(r, data, options)));
      }),
      { numRuns: 1000 },
    );
  });
});
