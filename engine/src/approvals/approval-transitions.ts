import type { ApprovalEvent, ApprovalProcess } from "@tessera/metadata";
import { conflict, EngineError, forbidden } from "../errors/engine-error.js";
import type {
  ApprovalHistoryEntry,
  ApprovalRecordState,
  ApprovalRequest,
  Decision,
} from "./approval-state.js";

/** What a transition needs to know about the record and the directory. */
export interface TransitionEnv {
  readonly process: ApprovalProcess;
  readonly now: string;
  readonly actorId: string;
  /** Whether step `index` applies to the record (its entry criteria hold, or it has none). */
  stepApplies(index: number): boolean;
  /** The active users who decide step `index`. */
  approversOf(index: number): Promise<string[]>;
}

export interface Transition {
  state: ApprovalRecordState;
  /** The process's action lists to run, in order. */
  events: ApprovalEvent[];
}

const noApprovers = (step: string) =>
  new EngineError(422, "approval.noApprovers", `Nobody can decide step "${step}" for this record`, [
    {
      path: "",
      code: "approval.noApprovers",
      message: `Step "${step}" has no active approver for this record; ask an administrator to fix the process or the record.`,
    },
  ]);

const stepName = (env: TransitionEnv, index: number): string =>
  env.process.steps[index]?.name ?? String(index);

/**
 * Enters the first applicable step after `after` (skipping the others, which history notes);
 * resolves false when no step is left.
 */
const enterNextStep = async (
  env: TransitionEnv,
  request: ApprovalRequest,
  history: ApprovalHistoryEntry[],
  after: number,
): Promise<boolean> => {
  for (let index = after + 1; index < env.process.steps.length; index++) {
    const step = stepName(env, index);
    if (!env.stepApplies(index)) {
      history.push({ requestId: request.id, at: env.now, action: "stepSkipped", step });
      continue;
    }
    await startStep(env, request, history, index);
    return true;
  }
  return false;
};

const startStep = async (
  env: TransitionEnv,
  request: ApprovalRequest,
  history: ApprovalHistoryEntry[],
  index: number,
): Promise<void> => {
  const step = stepName(env, index);
  const approvers = await env.approversOf(index);
  if (approvers.length === 0) throw noApprovers(step);
  request.step = index;
  request.approvers = approvers;
  request.decisions = [];
  request.path = [...request.path, index];
  history.push({ requestId: request.id, at: env.now, action: "stepStarted", step, approvers });
};

export const submitTransition = async (
  env: TransitionEnv,
  state: ApprovalRecordState,
  requestId: string,
  comment: string | undefined,
): Promise<Transition> => {
  if (state.request?.status === "pending") {
    throw conflict("approval.pending", "The record is already waiting for approval");
  }
  const request: ApprovalRequest = {
    id: requestId,
    process: env.process.name,
    status: "pending",
    submittedBy: env.actorId,
    submittedAt: env.now,
    locked: env.process.lockRecord !== false,
    approvers: [],
    decisions: [],
    path: [],
  };
  const history = [...state.history];
  history.push({
    requestId,
    at: env.now,
    action: "submitted",
    actorId: env.actorId,
    ...(comment !== undefined && { comment }),
  });
  if (!(await enterNextStep(env, request, history, -1))) {
    // Every step was skipped: the request is approved at once, as Salesforce does.
    return finalApprove(env, request, history, ["onSubmit"]);
  }
  return { state: { request, history }, events: ["onSubmit"] };
};

const finalApprove = (
  env: TransitionEnv,
  request: ApprovalRequest,
  history: ApprovalHistoryEntry[],
  events: ApprovalEvent[],
): Transition => {
  const done: ApprovalRequest = { ...request, status: "approved", approvers: [], completedAt: env.now };
  delete done.step;
  history.push({ requestId: request.id, at: env.now, action: "finalApproved" });
  return { state: { request: done, history }, events: [...events, "onFinalApprove"] };
};

const finalReject = (
  env: TransitionEnv,
  request: ApprovalRequest,
  history: ApprovalHistoryEntry[],
  events: ApprovalEvent[],
): Transition => {
  const done: ApprovalRequest = { ...request, status: "rejected", approvers: [], completedAt: env.now };
  delete done.step;
  history.push({ requestId: request.id, at: env.now, action: "finalRejected" });
  return { state: { request: done, history }, events: [...events, "onFinalReject"] };
};

/**
 * Checks that the actor may decide now. A user who decided (or could decide) an earlier step of
 * this request that is already settled gets 409; anyone else who is not a current approver, 403.
 */
const checkDecider = (
  env: TransitionEnv,
  state: ApprovalRecordState,
  expectedStep?: string,
): ApprovalRequest => {
  const request = state.request;
  const involved = (r: ApprovalRequest) =>
    state.history.some(
      (h) =>
        h.requestId === r.id && (h.actorId === env.actorId || h.approvers?.includes(env.actorId) === true),
    );
  if (request === undefined) throw conflict("approval.notPending", "The record is not waiting for approval");
  if (request.status !== "pending") {
    if (involved(request)) throw conflict("approval.decided", "This approval request is already settled");
    throw conflict("approval.notPending", "The record is not waiting for approval");
  }
  const current = request.step === undefined ? undefined : stepName(env, request.step);
  if (expectedStep !== undefined && expectedStep !== current) {
    throw conflict("approval.decided", `Step "${expectedStep}" is already decided`);
  }
  if (!request.approvers.includes(env.actorId)) {
    if (involved(request))
      throw conflict("approval.decided", "The step you were asked to decide is already decided");
    throw forbidden("You are not an approver of this record's current step");
  }
  if (request.decisions.some((d) => d.userId === env.actorId)) {
    throw conflict("approval.decided", "You already decided this step");
  }
  return request;
};

export const decideTransition = async (
  env: TransitionEnv,
  state: ApprovalRecordState,
  decision: Decision,
  comment: string | undefined,
  expectedStep?: string,
): Promise<Transition> => {
  const current = checkDecider(env, state, expectedStep);
  const index = current.step as number;
  const step = env.process.steps[index];
  const request: ApprovalRequest = {
    ...current,
    decisions: [
      ...current.decisions,
      { userId: env.actorId, decision, at: env.now, ...(comment !== undefined && { comment }) },
    ],
  };
  const history = [...state.history];
  history.push({
    requestId: request.id,
    at: env.now,
    action: decision === "approve" ? "approved" : "rejected",
    step: stepName(env, index),
    actorId: env.actorId,
    ...(comment !== undefined && { comment }),
  });
  if (decision === "reject") {
    const previous = request.path.length >= 2 ? request.path[request.path.length - 2] : undefined;
    if (step?.onReject === "previousStep" && previous !== undefined) {
      request.path = request.path.slice(0, -2);
      history.push({ requestId: request.id, at: env.now, action: "returned", step: stepName(env, previous) });
      await startStep(env, request, history, previous);
      return { state: { request, history }, events: ["onStepReject"] };
    }
    return finalReject(env, request, history, []);
  }
  const everyoneApproved = request.approvers.every((a) =>
    request.decisions.some((d) => d.userId === a && d.decision === "approve"),
  );
  if (step?.decision === "unanimous" && !everyoneApproved) {
    return { state: { request, history }, events: [] };
  }
  if (await enterNextStep(env, request, history, index)) {
    return { state: { request, history }, events: ["onStepApprove"] };
  }
  return finalApprove(env, request, history, ["onStepApprove"]);
};

export const recallTransition = (
  env: TransitionEnv,
  state: ApprovalRecordState,
  comment: string | undefined,
  isAdmin: boolean,
): Transition => {
  const request = state.request;
  if (request?.status !== "pending")
    throw conflict("approval.notPending", "The record is not waiting for approval");
  if (env.process.allowRecall !== true)
    throw forbidden("This approval process does not allow recalling a request");
  if (request.submittedBy !== env.actorId && !isAdmin)
    throw forbidden("Only the submitter or an administrator may recall this request");
  const done: ApprovalRequest = { ...request, status: "recalled", approvers: [], completedAt: env.now };
  delete done.step;
  const history = [
    ...state.history,
    {
      requestId: request.id,
      at: env.now,
      action: "recalled" as const,
      actorId: env.actorId,
      ...(comment !== undefined && { comment }),
    },
  ];
  return { state: { request: done, history }, events: ["onRecall"] };
};
