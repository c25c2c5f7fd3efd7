import jsonLogic from "json-logic-js";
import { compileRule, evaluateRule } from "../../../metadata/src/rules/index.js";
import { pick, seededRandom, throughput } from "../measure.js";

/** A 10-clause rule of the kind CRM admins write: amounts, stages, discounts, regions, dates. */
export const crmRule = {
  and: [
    { ">": [{ var: "amount" }, 10000] },
    { in: [{ var: "stage" }, ["proposal", "negotiation", "closedWon"]] },
    { "<=": [{ var: "discount" }, 25] },
    { "!=": [{ var: "region" }, "international"] },
    { or: [{ "==": [{ var: "type" }, "newBusiness"] }, { ">=": [{ var: "probability" }, 50] }] },
    { "!": { var: "doNotContact" } },
    { "<": [{ var: "closeDate" }, "2027-06-30"] },
    { "!=": [{ var: "industry" }, "government"] },
    { ">": [{ var: "employees" }, 50] },
    { in: ["Ltd", { var: "accountName" }] },
  ],
};

export const crmRecords = (count: number): Record<string, unknown>[] => {
  const random = seededRandom(42);
  return Array.from({ length: count }, (_, i) => ({
    amount: Math.round(random() * 200000),
    stage: pick(random, [
      "prospecting",
      "qualification",
      "proposal",
      "negotiation",
      "closedWon",
      "closedLost",
    ]),
    discount: Math.round(random() * 40),
    region: pick(random, ["north", "east", "south", "west", "international"]),
    type: pick(random, ["newBusiness", "existingBusiness"]),
    probability: Math.round(random() * 100),
    doNotContact: random() < 0.1,
    closeDate: `2027-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    industry: pick(random, ["manufacturing", "retail", "government", "finance"]),
    employees: Math.round(random() * 1000),
    accountName: pick(random, ["Acme Ltd", "Globex Co.", "Initech Ltd", "上海华东有限公司"]) + i,
  }));
};

export const runRulesBench = () => {
  const records = crmRecords(100_000);
  const compiled = compileRule(crmRule);
  let matches = 0;
  const jsonLogicJs = throughput(records.length, 5, () => {
    for (const r of records) if (jsonLogic.apply(crmRule as unknown as jsonLogic.RulesLogic, r)) matches += 1;
  });
  const interpreter = throughput(records.length, 5, () => {
    for (const r of records) if (evaluateRule(crmRule, r)) matches += 1;
  });
  const compiledPath = throughput(records.length, 5, () => {
    for (const r of records) if (compiled(r)) matches += 1;
  });
  return {
    rule: "10-clause CRM rule",
    records: records.length,
    matchesPerPass: Math.round(matches / 18),
    evaluationsPerSecond: {
      jsonLogicJs: jsonLogicJs.opsPerSec,
      interpreter: interpreter.opsPerSec,
      compiled: compiledPath.opsPerSec,
    },
    compiledVsJsonLogicJs: Number((compiledPath.opsPerSec / jsonLogicJs.opsPerSec).toFixed(1)),
    compiledVsInterpreter: Number((compiledPath.opsPerSec / interpreter.opsPerSec).toFixed(1)),
    target: "compiled >= 10x json-logic-js",
  };
};
