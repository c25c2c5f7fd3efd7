import { type Static, Type } from "@sinclair/typebox";
import { ExpressionSchema } from "../fields/field-base.js";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import { pointer } from "../issues/metadata-issue.js";
import type { SemanticCheck } from "../validate/check-context.js";
import { type ActionScope, checkFieldUpdate, checkNotify, checkWebhook } from "./action-checks.js";
import { type ApprovalAction, ApprovalActionSchema } from "./actions.js";
import {
  type ExpressionSite,
  expressionOfValue,
  GroupNameSchema,
  issueCollector,
  NameSchema,
  type Report,
  UserReferenceSchema,
} from "./common.js";
import { isReadableField, isUserField } from "./object-fields.js";

/** Who decides a step: a user, every user of a role, a queue, the submitter's manager, a user field. */
export const ApproverSchema = Type.Union([
  Type.Object({ type: Type.Literal("user"), user: UserReferenceSchema }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("role"), role: NameSchema }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("group"), group: GroupNameSchema }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("submitterManager") }, { additionalProperties: false }),
  /** A `user` field or a lookup to `user` on the record, e.g. `ownerId`. */
  Type.Object({ type: Type.Literal("field"), field: NameSchema }, { additionalProperties: false }),
]);
export type Approver = Static<typeof ApproverSchema>;

export const ApprovalStepSchema = Type.Object(
  {
    name: NameSchema,
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    /** The step is skipped when this rule is false for the record; it always runs when absent. */
    entryCriteria: Type.Optional(ExpressionSchema),
    approvers: Type.Array(ApproverSchema, { minItems: 1, maxItems: 25 }),
    /** `firstResponse`: the first decision settles the step; `unanimous`: every approver approves. */
    decision: Type.Union([Type.Literal("firstResponse"), Type.Literal("unanimous")]),
    /** `final`: a rejection rejects the request; `previousStep`: it goes back one step. */
    onReject: Type.Union([Type.Literal("final"), Type.Literal("previousStep")]),
  },
  { additionalProperties: false },
);
export type ApprovalStep = Static<typeof ApprovalStepSchema>;

const actionList = () => Type.Optional(Type.Array(ApprovalActionSchema, { maxItems: 20 }));

export const APPROVAL_EVENTS = [
  "onSubmit",
  "onStepApprove",
  "onStepReject",
  "onFinalApprove",
  "onFinalReject",
  "onRecall",
] as const;
export type ApprovalEvent = (typeof APPROVAL_EVENTS)[number];

export const ApprovalActionsSchema = Type.Object(
  {
    onSubmit: actionList(),
    onStepApprove: actionList(),
    onStepReject: actionList(),
    onFinalApprove: actionList(),
    onFinalReject: actionList(),
    onRecall: actionList(),
  },
  { additionalProperties: false },
);
export type ApprovalActions = Static<typeof ApprovalActionsSchema>;

export const ApprovalProcessSchema = Type.Object(
  {
    kind: Type.Literal("approvalProcess"),
    name: NameSchema,
    object: NameSchema,
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    active: Type.Boolean(),
    /** A submitted record enters the first active process of its object, lowest priority first. */
    priority: Type.Integer({ minimum: 0, maximum: 1000 }),
    entryCriteria: Type.Optional(ExpressionSchema),
    /** Only approvers and administrators may edit a pending record. */
    lockRecord: Type.Optional(Type.Boolean({ default: true })),
    /** The submitter may withdraw a pending request. */
    allowRecall: Type.Optional(Type.Boolean({ default: false })),
    steps: Type.Array(ApprovalStepSchema, { minItems: 1, maxItems: 30 }),
    actions: Type.Optional(ApprovalActionsSchema),
  },
  { additionalProperties: false },
);
export type ApprovalProcess = Static<typeof ApprovalProcessSchema>;

/**
 * Expressions, all rules on the process's object: `entryCriteria`, `steps[].entryCriteria`, and
 * `value` of field-update actions written as `{"expression": ...}` (path to that `expression`).
 */
export const expressionsOfApprovalProcess = (doc: ApprovalProcess): ExpressionSite[] => {
  const sites: ExpressionSite[] = [];
  const add = (path: string, expression: unknown) =>
    sites.push({ path, expression, object: doc.object, mode: "rule" });
  if (doc.entryCriteria !== undefined) add("/entryCriteria", doc.entryCriteria);
  doc.steps.forEach((step, s) => {
    if (step.entryCriteria !== undefined) add(pointer("steps", s, "entryCriteria"), step.entryCriteria);
  });
  for (const event of APPROVAL_EVENTS) {
    doc.actions?.[event]?.forEach((action, a) => {
      const computed = action.type === "fieldUpdate" ? expressionOfValue(action.value) : undefined;
      if (computed !== undefined)
        add(pointer("actions", event, a, "value", "expression"), computed.expression);
    });
  }
  return sites;
};

const checkSteps = (doc: ApprovalProcess, scope: ActionScope, report: Report): void => {
  const names = new Set<string>();
  doc.steps.forEach((step, s) => {
    if (names.has(step.name)) {
      report(["steps", s, "name"], "approvalProcess.duplicateStep", `Step "${step.name}" is defined twice.`);
    }
    names.add(step.name);
    if (s === 0 && step.onReject === "previousStep") {
      report(
        ["steps", s, "onReject"],
        "approvalProcess.noPreviousStep",
        "The first step has no step to go back to.",
      );
    }
    // Also enforced by the schema's minItems; repeated so a semantic-only check still reports it.
    if (step.approvers.length === 0) {
      report(
        ["steps", s, "approvers"],
        "approvalProcess.noApprovers",
        `Step "${step.name}" has no approvers.`,
      );
    }
    step.approvers.forEach((approver, a) => {
      if (approver.type === "role" && scope.ctx.find("role", approver.role) === undefined) {
        report(
          ["steps", s, "approvers", a, "role"],
          "approvalProcess.unknownRole",
          `Role "${approver.role}" does not exist.`,
        );
      }
      if (approver.type === "field" && scope.object !== undefined) {
        const at = ["steps", s, "approvers", a, "field"];
        if (!isReadableField(scope.object, approver.field)) {
          report(
            at,
            "approvalProcess.unknownField",
            `Object "${doc.object}" has no field "${approver.field}".`,
          );
        } else if (!isUserField(scope.object, approver.field)) {
          report(
            at,
            "approvalProcess.invalidApproverField",
            `Field "${approver.field}" does not hold a user.`,
          );
        }
      }
    });
  });
};

const checkAction = (
  action: ApprovalAction,
  at: ReadonlyArray<string | number>,
  scope: ActionScope,
): void => {
  switch (action.type) {
    case "fieldUpdate":
      checkFieldUpdate(action, at, scope);
      break;
    case "notify":
      checkNotify(action, at, scope);
      break;
    case "webhook":
      checkWebhook(action, at, scope);
      break;
  }
};

/**
 * Expressions (checked by the lead via expressionsOfApprovalProcess, not here), all general rules
 * on the process's object: `entryCriteria`, `steps[].entryCriteria`, and field-update values
 * written as `{"expression": ...}` in `actions.*[]`.
 */
export const checkApprovalProcess: SemanticCheck<ApprovalProcess> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  const object = ctx.objects.get(doc.object);
  if (object === undefined) {
    report(["object"], "approvalProcess.unknownObject", `Object "${doc.object}" does not exist.`);
  }
  const scope: ActionScope = { prefix: "approvalProcess", object, hasSubmitter: true, ctx, report };
  checkSteps(doc, scope, report);
  for (const event of APPROVAL_EVENTS) {
    doc.actions?.[event]?.forEach((action, a) => {
      checkAction(action, ["actions", event, a], scope);
    });
  }
  if ((doc.actions?.onRecall?.length ?? 0) > 0 && doc.allowRecall !== true) {
    report(
      ["actions", "onRecall"],
      "approvalProcess.recallDisabled",
      "Recall actions never run: recall is not allowed.",
    );
  }
  if (doc.active) {
    const rival = ctx
      .byKind("approvalProcess")
      .find(
        (other) =>
          other.active &&
          other.object === doc.object &&
          other.priority === doc.priority &&
          other.name < doc.name,
      );
    if (rival !== undefined) {
      report(
        ["priority"],
        "approvalProcess.duplicatePriority",
        `Active process "${rival.name}" of "${doc.object}" already has priority ${doc.priority}.`,
      );
    }
  }
  return issues;
};
