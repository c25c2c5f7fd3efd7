import {
  APPROVAL_EVENTS,
  type ApprovalAction,
  type ApprovalEvent,
  type ApprovalProcess,
  type ApprovalStep,
  type Approver,
  type JsonValue,
  type LocalizedText,
  type ObjectDefinition,
  type Role,
} from "@tessera/metadata";
import type { DirectoryUser } from "../actions/action-defaults.js";
import { userFields } from "../actions/field-choices.js";
import { moveItem } from "../dnd/move-item.js";
import { nameFromLabel, uniqueName } from "../editing/name-from-label.js";

export type ApproverType = Approver["type"];

export const APPROVER_TYPES: readonly ApproverType[] = ["submitterManager", "user", "role", "group", "field"];

/** What approvers may be chosen from. */
export interface ApproverChoices {
  object: ObjectDefinition | undefined;
  roles: readonly Role[];
  users: readonly DirectoryUser[];
  groups: readonly string[];
}

/**
 * The priority a new process of `object` gets: one past the highest of that object's processes, so
 * it never collides with an active one (the engine refuses two active processes of an object with
 * the same priority).
 */
export const nextPriority = (processes: readonly ApprovalProcess[], object: string): number => {
  const taken = processes.filter((p) => p.object === object).map((p) => p.priority);
  return taken.length === 0 ? 1 : Math.min(1000, Math.max(...taken) + 1);
};

const stepLabel = (n: number): LocalizedText => ({ en: `Step ${n}`, "zh-CN": `第 ${n} 步` });

/**
 * A new step at the end: "Step n", decided by the submitter's manager (an approver every
 * submitter can have, needing no role or user to exist), first response decides, a rejection
 * ends the request.
 */
export const newStep = (steps: readonly ApprovalStep[]): ApprovalStep => {
  const n = steps.length + 1;
  return {
    name: uniqueName(`step${n}`, new Set(steps.map((s) => s.name))),
    label: stepLabel(n),
    approvers: [{ type: "submitterManager" }],
    decision: "firstResponse",
    onReject: "final",
  };
};

/** A new process with one step; active, at the next free priority of its object. */
export const newApprovalProcess = (
  created: { name: string; label: LocalizedText; object: string },
  existing: readonly ApprovalProcess[],
): ApprovalProcess => ({
  kind: "approvalProcess",
  name: created.name,
  object: created.object,
  label: created.label,
  active: true,
  priority: nextPriority(existing, created.object),
  lockRecord: true,
  allowRecall: false,
  steps: [newStep([])],
});

/** The first step has nothing to go back to: a rejection there always ends the request. */
const settleFirstStep = (steps: ApprovalStep[]): ApprovalStep[] =>
  steps.map((step, s) =>
    s === 0 && step.onReject === "previousStep" ? { ...step, onReject: "final" } : step,
  );

export const addStep = (process: ApprovalProcess): ApprovalProcess => ({
  ...process,
  steps: [...process.steps, newStep(process.steps)],
});

/**
 * Removes a step; the last one stays (a process needs a step). Steps are referred to by name,
 * never by position, so nothing else needs renumbering; a step that becomes first can no longer
 * send a rejection back.
 */
export const removeStep = (process: ApprovalProcess, index: number): ApprovalProcess =>
  process.steps.length <= 1 || index < 0 || index >= process.steps.length
    ? process
    : { ...process, steps: settleFirstStep(process.steps.filter((_, s) => s !== index)) };

/** Moves a step, keeping each step's settings (they travel with it). */
export const moveStep = (process: ApprovalProcess, from: number, to: number): ApprovalProcess => ({
  ...process,
  steps: settleFirstStep(moveItem(process.steps, from, to)),
});

export const updateStep = (
  process: ApprovalProcess,
  index: number,
  change: (step: ApprovalStep) => ApprovalStep,
): ApprovalProcess => ({
  ...process,
  steps: settleFirstStep(process.steps.map((step, s) => (s === index ? change(step) : step))),
});

/** The Chinese label a new step is given ("第 2 步"); it stops fitting once the English one is changed. */
const GENERATED_ZH = /^第 \d+ 步$/;

/**
 * A step's new label. A step not saved yet takes its API name from the label; a saved step keeps
 * its name, which pending requests of the process refer to. Renaming a new step in English drops
 * the generated "第 n 步", which would otherwise stay as a wrong translation.
 */
export const relabelStep = (
  step: ApprovalStep,
  label: LocalizedText,
  others: readonly ApprovalStep[],
  savedNames: ReadonlySet<string>,
): ApprovalStep => {
  const zh = label["zh-CN"];
  const stale =
    zh !== undefined && GENERATED_ZH.test(zh) && zh === step.label["zh-CN"] && label.en !== step.label.en;
  const next: LocalizedText = stale ? { en: label.en } : label;
  if (savedNames.has(step.name)) return { ...step, label: next };
  const taken = new Set(others.filter((s) => s !== step).map((s) => s.name));
  return { ...step, label: next, name: uniqueName(nameFromLabel(label.en, step.name), taken) };
};

/** Sets or clears a step's criteria (a step without criteria always runs). */
export const withStepCriteria = (step: ApprovalStep, criteria: JsonValue | undefined): ApprovalStep => {
  const { entryCriteria: _old, ...rest } = step;
  return criteria === undefined ? rest : { ...rest, entryCriteria: criteria };
};

/** The approver a row of `type` starts as: the first role, user or user field on offer. */
export const approverOfType = (type: ApproverType, choices: ApproverChoices): Approver => {
  switch (type) {
    case "submitterManager":
      return { type };
    case "user":
      return { type, user: choices.users[0]?.username ?? "" };
    case "role":
      return { type, role: choices.roles[0]?.name ?? "" };
    case "group":
      return { type, group: choices.groups[0] ?? "" };
    case "field":
      return { type, field: userFields(choices.object)[0]?.name ?? "ownerId" };
  }
};

const sameApprover = (a: Approver, b: Approver) => JSON.stringify(a) === JSON.stringify(b);

/** The approver an "Add approver" row starts as: the first kind the step does not have yet. */
export const nextApprover = (approvers: readonly Approver[], choices: ApproverChoices): Approver => {
  const candidates = (["role", "user", "field", "submitterManager", "group"] as const).map((type) =>
    approverOfType(type, choices),
  );
  return (
    candidates.find((c) => !approvers.some((a) => sameApprover(a, c)) && !hasEmptyName(c)) ??
    approverOfType("user", choices)
  );
};

const hasEmptyName = (approver: Approver): boolean =>
  ("role" in approver && approver.role === "") ||
  ("user" in approver && approver.user === "") ||
  ("group" in approver && approver.group === "");

/** The process with `event`'s actions replaced; empty lists and an empty `actions` are left out. */
export const withEventActions = (
  process: ApprovalProcess,
  event: ApprovalEvent,
  actions: readonly ApprovalAction[],
): ApprovalProcess => {
  const { actions: current, ...rest } = process;
  const lists = APPROVAL_EVENTS.flatMap((e) => {
    const list = e === event ? [...actions] : current?.[e];
    return list === undefined || list.length === 0 ? [] : [[e, list] as const];
  });
  return lists.length === 0 ? rest : { ...rest, actions: Object.fromEntries(lists) };
};

/** Sets or clears the process's entry criteria. */
export const withEntryCriteria = (
  process: ApprovalProcess,
  criteria: JsonValue | undefined,
): ApprovalProcess => {
  const { entryCriteria: _old, ...rest } = process;
  return criteria === undefined ? rest : { ...rest, entryCriteria: criteria };
};
