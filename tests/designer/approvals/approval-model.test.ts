import type { ApprovalProcess, ApprovalStep } from "@tessera/metadata";
import { validateDocumentSet } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  APPROVER_TYPES,
  addStep,
  approverOfType,
  moveStep,
  newApprovalProcess,
  newStep,
  nextApprover,
  nextPriority,
  relabelStep,
  removeStep,
  updateStep,
  withEntryCriteria,
  withEventActions,
  withStepCriteria,
} from "../../../designer/src/approvals/approval-model.js";
import { ada, deal, dealSetting, financeRole } from "../actions/fixtures.js";

const step = (name: string, extra: Partial<ApprovalStep> = {}): ApprovalStep => ({
  name,
  label: { en: name },
  approvers: [{ type: "submitterManager" }],
  decision: "firstResponse",
  onReject: "final",
  ...extra,
});

const process = (steps: ApprovalStep[], extra: Partial<ApprovalProcess> = {}): ApprovalProcess => ({
  kind: "approvalProcess",
  name: "review",
  object: "deal",
  label: { en: "Review" },
  active: true,
  priority: 1,
  steps,
  ...extra,
});

const choices = dealSetting();

describe("a new approval process", () => {
  it("has one step decided by the submitter's manager, and is active at priority 1", () => {
    expect(newApprovalProcess({ name: "review", label: { en: "Review" }, object: "deal" }, [])).toEqual({
      kind: "approvalProcess",
      name: "review",
      object: "deal",
      label: { en: "Review" },
      active: true,
      priority: 1,
      lockRecord: true,
      allowRecall: false,
      steps: [
        {
          name: "step1",
          label: { en: "Step 1", "zh-CN": "第 1 步" },
          approvers: [{ type: "submitterManager" }],
          decision: "firstResponse",
          onReject: "final",
        },
      ],
    });
  });

  it("takes the priority after the highest of its object's processes", () => {
    const others = [
      process([step("a")], { priority: 4 }),
      process([step("a")], { object: "lead", priority: 9 }),
    ];
    expect(nextPriority(others, "deal")).toBe(5);
    expect(nextPriority(others, "account")).toBe(1);
  });

  it("is accepted by the metadata checks as it is made", () => {
    const created = newApprovalProcess({ name: "review", label: { en: "Review" }, object: "deal" }, []);
    const { issues } = validateDocumentSet([deal, created]);
    expect(issues.filter((i) => i.document === "approvalProcess/review")).toEqual([]);
  });
});

describe("adding steps", () => {
  it("appends Step n with a valid default approver", () => {
    const two = addStep(process([step("step1")]));
    expect(two.steps[1]).toEqual({
      name: "step2",
      label: { en: "Step 2", "zh-CN": "第 2 步" },
      approvers: [{ type: "submitterManager" }],
      decision: "firstResponse",
      onReject: "final",
    });
  });

  it("never reuses a step's name", () => {
    expect(newStep([step("step2")]).name).toBe("step22");
  });
});

describe("removing steps", () => {
  it("removes the step at the index and keeps the others' settings", () => {
    const before = process([step("a"), step("b", { decision: "unanimous" }), step("c")]);
    expect(removeStep(before, 0).steps.map((s) => s.name)).toEqual(["b", "c"]);
    expect(removeStep(before, 0).steps[0]?.decision).toBe("unanimous");
  });

  it("keeps the last step: a process needs one", () => {
    const one = process([step("a")]);
    expect(removeStep(one, 0)).toBe(one);
  });

  it("a step that becomes first can no longer send a rejection back", () => {
    const before = process([step("a"), step("b", { onReject: "previousStep" })]);
    expect(removeStep(before, 0).steps[0]?.onReject).toBe("final");
  });

  it("ignores an index outside the list", () => {
    const before = process([step("a"), step("b")]);
    expect(removeStep(before, 5)).toBe(before);
  });
});

describe("reordering steps", () => {
  it("moves a step with all its settings", () => {
    const b = step("b", { approvers: [{ type: "role", role: "finance" }], decision: "unanimous" });
    const after = moveStep(process([step("a"), b]), 1, 0);
    expect(after.steps).toEqual([{ ...b }, step("a")]);
  });

  it("a step moved to the front that went back on rejection now rejects finally", () => {
    const after = moveStep(process([step("a"), step("b", { onReject: "previousStep" })]), 1, 0);
    expect(after.steps.map((s) => [s.name, s.onReject])).toEqual([
      ["b", "final"],
      ["a", "final"],
    ]);
  });

  it("keeps the process's actions, which name no step", () => {
    const actions = { onFinalApprove: [{ type: "fieldUpdate" as const, field: "approved", value: true }] };
    expect(moveStep(process([step("a"), step("b")], { actions }), 0, 1).actions).toEqual(actions);
  });
});

describe("editing a step", () => {
  it("changes only the step at the index", () => {
    const after = updateStep(process([step("a"), step("b")]), 1, (s) => ({ ...s, decision: "unanimous" }));
    expect(after.steps.map((s) => s.decision)).toEqual(["firstResponse", "unanimous"]);
  });

  it("cannot make the first step go back on rejection", () => {
    const after = updateStep(process([step("a")]), 0, (s) => ({ ...s, onReject: "previousStep" }));
    expect(after.steps[0]?.onReject).toBe("final");
  });

  it("a new step's API name follows its label", () => {
    const steps = [step("step1"), step("step2")];
    const relabelled = relabelStep(
      steps[1] as ApprovalStep,
      { en: "Finance review" },
      steps,
      new Set(["step1"]),
    );
    expect(relabelled).toMatchObject({ name: "financeReview", label: { en: "Finance review" } });
  });

  it("a saved step keeps its API name, which pending requests refer to", () => {
    const steps = [step("step1")];
    expect(relabelStep(steps[0] as ApprovalStep, { en: "Manager" }, steps, new Set(["step1"])).name).toBe(
      "step1",
    );
  });

  it("a label another step's name already has gets a number", () => {
    const steps = [step("manager"), step("step2")];
    expect(relabelStep(steps[1] as ApprovalStep, { en: "Manager" }, steps, new Set()).name).toBe("manager2");
  });

  it("step criteria are set, and cleared when empty", () => {
    const withCriteria = withStepCriteria(step("a"), { ">": [{ var: "amount" }, 10] });
    expect(withCriteria.entryCriteria).toEqual({ ">": [{ var: "amount" }, 10] });
    expect(withStepCriteria(withCriteria, undefined)).toEqual(step("a"));
  });
});

describe("approvers", () => {
  it("a new approver of each kind names the first role, user, group or user field on offer", () => {
    expect(APPROVER_TYPES.map((type) => approverOfType(type, choices))).toEqual([
      { type: "submitterManager" },
      { type: "user", user: ada.username },
      { type: "role", role: financeRole.name },
      { type: "group", group: "salesQueue" },
      { type: "field", field: "reviewer" },
    ]);
  });

  it("an added approver is a role first, then the next kind the step does not have yet", () => {
    expect(nextApprover([{ type: "submitterManager" }], choices)).toEqual({ type: "role", role: "finance" });
    expect(nextApprover([{ type: "role", role: "finance" }], choices)).toEqual({
      type: "user",
      user: "admin",
    });
  });

  it("with no roles or users on offer an added approver is a user field", () => {
    const bare = { ...choices, roles: [], users: [] };
    expect(nextApprover([{ type: "submitterManager" }], bare)).toEqual({ type: "field", field: "reviewer" });
  });
});

describe("actions per outcome", () => {
  const update = { type: "fieldUpdate" as const, field: "approved", value: true };

  it("sets an outcome's actions, keeping the outcomes in their order", () => {
    const withSubmit = withEventActions(process([step("a")]), "onSubmit", [update]);
    const both = withEventActions(withSubmit, "onFinalApprove", [update]);
    expect(Object.keys(both.actions ?? {})).toEqual(["onSubmit", "onFinalApprove"]);
    expect(
      Object.keys(
        withEventActions(withEventActions(process([step("a")]), "onFinalApprove", [update]), "onSubmit", [
          update,
        ]).actions ?? {},
      ),
    ).toEqual(["onSubmit", "onFinalApprove"]);
  });

  it("leaves out an emptied outcome, and `actions` when none is left", () => {
    const one = withEventActions(process([step("a")]), "onFinalApprove", [update]);
    expect(withEventActions(one, "onFinalApprove", [])).toEqual(process([step("a")]));
  });
});

describe("entry criteria", () => {
  it("are set, and cleared when empty", () => {
    const set = withEntryCriteria(process([step("a")]), { ">=": [{ var: "amount" }, 1000] });
    expect(set.entryCriteria).toEqual({ ">=": [{ var: "amount" }, 1000] });
    expect(withEntryCriteria(set, undefined)).toEqual(process([step("a")]));
  });
});

describe("the generated Chinese label of a new step", () => {
  it("is dropped when the step is renamed in English", () => {
    const fresh = newStep([]);
    expect(relabelStep(fresh, { en: "Manager", "zh-CN": "第 1 步" }, [fresh], new Set()).label).toEqual({
      en: "Manager",
    });
  });

  it("is kept when only the Chinese label is edited, and a real translation is always kept", () => {
    const fresh = newStep([]);
    expect(relabelStep(fresh, { en: "Step 1", "zh-CN": "经理审批" }, [fresh], new Set()).label).toEqual({
      en: "Step 1",
      "zh-CN": "经理审批",
    });
    const translated = { ...fresh, label: { en: "Manager", "zh-CN": "经理审批" } };
    expect(
      relabelStep(translated, { en: "Manager review", "zh-CN": "经理审批" }, [translated], new Set()).label,
    ).toEqual({
      en: "Manager review",
      "zh-CN": "经理审批",
    });
  });
});
