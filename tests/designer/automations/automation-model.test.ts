import type { Automation, Trigger } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { withDescription } from "../../../designer/src/actions/process-edits.js";
import {
  newAutomation,
  startingBound,
  TRIGGER_TYPES,
  triggerOfType,
  watchField,
  withChangeBound,
  withCondition,
  withRunAs,
  withSlaFrom,
  withSlaUnless,
} from "../../../designer/src/automations/automation-model.js";
import { deal } from "../actions/fixtures.js";

const automation = (extra: Partial<Automation> = {}): Automation => ({
  kind: "automation",
  name: "stageWatch",
  object: "deal",
  label: { en: "Stage watch" },
  active: true,
  trigger: { type: "create" },
  actions: [{ type: "fieldUpdate", field: "approved", value: true }],
  ...extra,
});

describe("a new automation", () => {
  it("is active, fires on create and has no actions yet", () => {
    expect(newAutomation({ name: "stageWatch", label: { en: "Stage watch" }, object: "deal" })).toEqual({
      kind: "automation",
      name: "stageWatch",
      object: "deal",
      label: { en: "Stage watch" },
      active: true,
      trigger: { type: "create" },
      actions: [],
    });
  });
});

describe("choosing a trigger", () => {
  it("each type starts with the first suitable field of the object", () => {
    expect(TRIGGER_TYPES.map((type) => triggerOfType(type, deal))).toEqual([
      { type: "create" },
      { type: "update" },
      { type: "createOrUpdate" },
      { type: "fieldChange", field: "title" },
      { type: "scheduled", field: "closeDate", offset: { amount: 1, unit: "days" }, direction: "before" },
      { type: "sla", after: { amount: 1, unit: "days" } },
    ]);
  });

  it("without an object a time is counted from the record's creation", () => {
    expect(triggerOfType("scheduled", undefined)).toMatchObject({ field: "createdAt" });
  });
});

describe("field-change triggers", () => {
  const trigger = { type: "fieldChange" as const, field: "stage", from: "open", to: "won" };

  it("watching another field drops the from and to values", () => {
    expect(watchField("amount")).toEqual({ type: "fieldChange", field: "amount" });
  });

  it("a bound is set, and removed so any value matches", () => {
    expect(withChangeBound(trigger, "to", "lost")).toEqual({ ...trigger, to: "lost" });
    expect(withChangeBound(trigger, "from", undefined)).toEqual({
      type: "fieldChange",
      field: "stage",
      to: "won",
    });
  });

  it("a bound turned on starts with a value the field accepts", () => {
    expect(startingBound(deal.fields.find((f) => f.name === "stage"))).toBe("open");
  });
});

describe("SLA triggers", () => {
  const sla: Extract<Trigger, { type: "sla" }> = { type: "sla", after: { amount: 4, unit: "hours" } };

  it("are counted from a chosen date field, or from creation when it is cleared", () => {
    expect(withSlaFrom(sla, "closeDate")).toEqual({ ...sla, from: "closeDate" });
    expect(withSlaFrom({ ...sla, from: "closeDate" }, undefined)).toEqual(sla);
  });

  it("take a rule for when the record counts as resolved, which can be cleared", () => {
    const unless = { "==": [{ var: "stage" }, "won"] };
    expect(withSlaUnless(sla, unless)).toEqual({ ...sla, unless });
    expect(withSlaUnless({ ...sla, unless }, undefined)).toEqual(sla);
  });
});

describe("the automation's own settings", () => {
  it("a condition is set, and cleared when empty", () => {
    const condition = { "==": [{ var: "stage" }, "won"] };
    expect(withCondition(automation(), condition).condition).toEqual(condition);
    expect(withCondition(automation({ condition }), undefined)).toEqual(automation());
  });

  it("run-as is a username, and cleared by an empty choice", () => {
    expect(withRunAs(automation(), "bob").runAs).toBe("bob");
    expect(withRunAs(automation({ runAs: "bob" }), undefined)).toEqual(automation());
    expect(withRunAs(automation({ runAs: "bob" }), "")).toEqual(automation());
  });

  it("a description with no text in either language is left out", () => {
    expect(withDescription(automation(), { en: "Watches stages" }).description).toEqual({
      en: "Watches stages",
    });
    expect(withDescription(automation({ description: { en: "x" } }), { en: " " })).toEqual(automation());
  });
});
