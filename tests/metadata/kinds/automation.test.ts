import { describe, expect, it } from "vitest";
import {
  AutomationSchema,
  checkAutomation,
  expressionsOfAutomation,
} from "../../../metadata/src/kinds/automation.js";
import { anAutomation } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

describe("automation schema", () => {
  it("accepts the sample automation", () => {
    expect(refusedAt(AutomationSchema, anAutomation())).toEqual([]);
  });

  it("accepts every trigger type", () => {
    const triggers = [
      { type: "create" },
      { type: "update" },
      { type: "createOrUpdate" },
      { type: "fieldChange", field: "status", from: "draft", to: "sent" },
      {
        type: "sla",
        after: { amount: 4, unit: "hours" },
        from: "sentAt",
        unless: { "==": [{ var: "status" }, "paid"] },
      },
    ];
    for (const trigger of triggers) {
      expect(refusedAt(AutomationSchema, { ...anAutomation(), trigger })).toEqual([]);
    }
  });

  it("refuses an unknown trigger type", () => {
    expect(refusedAt(AutomationSchema, { ...anAutomation(), trigger: { type: "delete" } })).toContain(
      "/trigger/type",
    );
  });

  it("refuses a scheduled offset in weeks", () => {
    const trigger = {
      type: "scheduled",
      field: "dueDate",
      offset: { amount: 1, unit: "weeks" },
      direction: "before",
    };
    expect(refusedAt(AutomationSchema, { ...anAutomation(), trigger })).toContain("/trigger/offset/unit");
  });

  it("refuses an automation without actions", () => {
    expect(refusedAt(AutomationSchema, { ...anAutomation(), actions: [] })).toEqual(["/actions"]);
  });

  it("refuses a created record's value keyed __proto__", () => {
    const actions = [{ type: "createRecord", object: "invoiceLine", values: JSON.parse('{"__proto__": 1}') }];
    expect(refusedAt(AutomationSchema, { ...anAutomation(), actions })).toContain(
      "/actions/0/values/__proto__",
    );
  });

  it("refuses round-robin assignment without a group", () => {
    const actions = [{ type: "assignOwner", strategy: "roundRobin" }];
    expect(refusedAt(AutomationSchema, { ...anAutomation(), actions })).toContain("/actions/0/group");
  });
});

describe("automation checks", () => {
  it("accepts the sample automation", () => {
    expect(checkAutomation(anAutomation(), sampleContext())).toEqual([]);
  });

  it("reports an unknown object", () => {
    expect(findings(checkAutomation(anAutomation({ object: "payment" }), sampleContext()))).toEqual([
      { code: "automation.unknownObject", path: "/object" },
    ]);
  });

  it("reports a field-change trigger on an unknown field", () => {
    const automation = anAutomation({ trigger: { type: "fieldChange", field: "stage" } });
    expect(findings(checkAutomation(automation, sampleContext()))).toEqual([
      { code: "automation.unknownField", path: "/trigger/field" },
    ]);
  });

  it("reports a scheduled trigger on a field that is not a date", () => {
    const automation = anAutomation({
      trigger: {
        type: "scheduled",
        field: "amount",
        offset: { amount: 1, unit: "days" },
        direction: "after",
      },
    });
    expect(findings(checkAutomation(automation, sampleContext()))).toEqual([
      { code: "automation.notDateField", path: "/trigger/field" },
    ]);
  });

  it("accepts scheduled triggers on date/time and system date fields", () => {
    for (const field of ["sentAt", "createdAt"]) {
      const automation = anAutomation({
        trigger: { type: "scheduled", field, offset: { amount: 2, unit: "hours" }, direction: "after" },
      });
      expect(checkAutomation(automation, sampleContext())).toEqual([]);
    }
  });

  it("reports an SLA counted from a field that is not a date", () => {
    const automation = anAutomation({
      trigger: { type: "sla", after: { amount: 1, unit: "days" }, from: "status" },
    });
    expect(findings(checkAutomation(automation, sampleContext()))).toEqual([
      { code: "automation.notDateField", path: "/trigger/from" },
    ]);
  });

  it("reports a created record of an unknown object", () => {
    const automation = anAutomation({ actions: [{ type: "createRecord", object: "payment", values: {} }] });
    expect(findings(checkAutomation(automation, sampleContext()))).toEqual([
      { code: "automation.unknownObject", path: "/actions/0/object" },
    ]);
  });

  it("reports created-record values for unknown or system fields and missing required fields", () => {
    const automation = anAutomation({
      actions: [
        {
          type: "createRecord",
          object: "invoiceLine",
          values: { invoice: "x", price: 3, createdAt: "2024-01-01" },
        },
      ],
    });
    expect(findings(checkAutomation(automation, sampleContext()))).toEqual([
      { code: "automation.unknownField", path: "/actions/0/values/price" },
      { code: "automation.readOnlyField", path: "/actions/0/values/createdAt" },
      { code: "automation.missingRequiredField", path: "/actions/0/values" },
    ]);
  });

  it("reports a field update of an unknown field", () => {
    const automation = anAutomation({ actions: [{ type: "fieldUpdate", field: "stage", value: "late" }] });
    expect(findings(checkAutomation(automation, sampleContext()))).toEqual([
      { code: "automation.unknownField", path: "/actions/0/field" },
    ]);
  });

  it("reports a notification to the submitter, whom automations do not know", () => {
    const automation = anAutomation({
      actions: [{ type: "notify", template: "invoiceEmail", to: [{ type: "submitter" }] }],
    });
    expect(findings(checkAutomation(automation, sampleContext()))).toEqual([
      { code: "automation.invalidRecipient", path: "/actions/0/to/0/type" },
    ]);
  });

  it("reports webhooks to hosts that disguise an address", () => {
    const automation = anAutomation({ actions: [{ type: "webhook", url: "https://2130706433/hook" }] });
    expect(findings(checkAutomation(automation, sampleContext()))).toEqual([
      { code: "automation.unsafeWebhook", path: "/actions/0/url" },
    ]);
  });
});

describe("automation expressions", () => {
  it("lists the condition, SLA exception, assignment rules and computed values as rules", () => {
    const automation = anAutomation({
      trigger: {
        type: "sla",
        after: { amount: 8, unit: "hours" },
        unless: { "==": [{ var: "status" }, "paid"] },
      },
      actions: [
        { type: "fieldUpdate", field: "approvedAmount", value: { expression: { var: "amount" } } },
        ...anAutomation().actions.slice(1, 3),
      ],
    });
    expect(expressionsOfAutomation(automation)).toEqual([
      {
        path: "/condition",
        expression: { "!=": [{ var: "status" }, "paid"] },
        object: "invoice",
        mode: "rule",
      },
      {
        path: "/trigger/unless",
        expression: { "==": [{ var: "status" }, "paid"] },
        object: "invoice",
        mode: "rule",
      },
      { path: "/actions/0/value/expression", expression: { var: "amount" }, object: "invoice", mode: "rule" },
      {
        path: "/actions/1/values/invoice/expression",
        expression: { var: "id" },
        object: "invoice",
        mode: "rule",
      },
      {
        path: "/actions/2/rules/0/when",
        expression: { ">": [{ var: "amount" }, 100] },
        object: "invoice",
        mode: "rule",
      },
    ]);
  });

  it("does not take a literal value for an expression", () => {
    const automation = anAutomation({
      condition: undefined,
      actions: [{ type: "fieldUpdate", field: "status", value: { expression: 1, note: "literal" } }],
    });
    expect(expressionsOfAutomation(automation)).toEqual([]);
  });
});
