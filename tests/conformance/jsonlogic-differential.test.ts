import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import { evaluateRule } from "../../metadata/src/rules/evaluate.js";
import { record, rule } from "../metadata/rules/rule-arbitraries.js";

type Outcome = { value: unknown } | { threw: true };

const outcome = (run: () => unknown): Outcome => {
  try {
    return { value: run() };
  } catch {
    return { threw: true };
  }
};

describe("evaluateRule against json-logic-js", () => {
  it("returns what json-logic-js returns for random rules of the core operators on random records", () => {
    fc.assert(
      fc.property(rule(false), record, (r, data) => {
        const theirs = outcome(() => jsonLogic.apply(r as jsonLogic.RulesLogic, data));
        const ours = outcome(() => evaluateRule(r, data));
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 3000 },
    );
  });
});
