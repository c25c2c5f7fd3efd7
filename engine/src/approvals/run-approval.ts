import type { ApprovalEvent, JsonObject } from "@tessera/metadata";
import type { CompiledApprovalProcess } from "../automation/compiled-automation.js";
import { compileApprovalProcesses, findProcess } from "../automation/compiled-automation.js";
import { conflict, EngineError, notFound } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { newRecordId } from "../records/record-id.js";
import { resolveObject } from "../records/resolve-object.js";
import { ruleData, truthy } from "../records/rule-data.js";
import { saveUpdate } from "../records/save-update.js";
import { loadAccessible } from "../records/update-record.js";
import { writeAutomationLog } from "../records/write-automation-log.js";
import type { StoredRecord } from "../store/store-port.js";
import type { WorkItem } from "../store/work-types.js";
import { type ApprovalBody, parseApprovalBody } from "./approval-body.js";
import { approvalEffects } from "./approval-effects.js";
import { APPROVAL_KEY, type ApprovalRecordState, approvalStateOf, toStored } from "./approval-state.js";
import {
  decideTransition,
  recallTransition,
  submitTransition,
  type Transition,
  type TransitionEnv,
} from "./approval-transitions.js";
import { resolveApprovers } from "./resolve-approvers.js";

const COMMANDS = ["submit", "approve", "reject", "recall"] as const;
export type ApprovalCommand = (typeof COMMANDS)[number];

export const isApprovalCommand = (value: string): value is ApprovalCommand =>
  (COMMANDS as readonly string[]).includes(value);

/** Attempts of a transition whose conditioned write lost to a concurrent one. */
const MAX_ATTEMPTS = 5;

const noProcess = () =>
  new EngineError(422, "approval.noProcess", "No approval process applies to this record", [
    {
      path: "",
      code: "approval.noProcess",
      message: "No active approval process of this object accepts the record as it is now.",
    },
  ]);

/** The process a submission enters: the first active one (by priority) whose entry criteria hold. */
const processForSubmit = (
  ctx: RecordContext,
  object: string,
  record: StoredRecord,
): CompiledApprovalProcess => {
  const data = ruleData(ctx, record);
  const process = (ctx.metadata.approvalProcesses.get(object) ?? []).find(
    (p) => p.entryCriteria === undefined || truthy(p.entryCriteria(data)),
  );
  if (process === undefined) throw noProcess();
  return process;
};

/** The process of a pending request, even if it was deactivated since (its requests still finish). */
const processOfRequest = (
  ctx: RecordContext,
  object: string,
  state: ApprovalRecordState,
): CompiledApprovalProcess => {
  const name = state.request?.process;
  const active = (ctx.metadata.approvalProcesses.get(object) ?? []).find((p) => p.definition.name === name);
  if (active !== undefined) return active;
  const definition = name === undefined ? undefined : findProcess(ctx.metadata.documents, name);
  if (definition === undefined) {
    throw conflict("approval.notPending", "The record is not waiting for approval");
  }
  return compileApprovalProcesses([{ ...definition, active: true }]).get(
    object,
  )?.[0] as CompiledApprovalProcess;
};

/**
 * Loads the record for a command. Submitting needs edit access; recalling, read access. Deciding
 * needs neither, nor read permission on the object (approvers see what they are asked to decide,
 * as the inbox shows them), but a user who can neither see the record nor decide it is told it
 * does not exist.
 */
const loadFor = async (ctx: RecordContext, object: string, id: string, command: ApprovalCommand) => {
  if (command === "submit" || command === "recall") {
    resolveObject(ctx, object, "read");
    return loadAccessible(ctx, object, id, command === "submit" ? "edit" : "read");
  }
  const record = await ctx.store.getRecord(object, id);
  if (record === undefined) throw notFound(`No ${object} record "${id}"`);
  // Only the latest request counts: someone asked to decide an earlier one may not see it any more.
  const state = approvalStateOf(record);
  const involved = state.history.some(
    (h) =>
      h.requestId === state.request?.id &&
      (h.actorId === ctx.actor.userId || h.approvers?.includes(ctx.actor.userId) === true),
  );
  if (!involved) {
    resolveObject(ctx, object, "read");
    await loadAccessible(ctx, object, id, "read");
  }
  return record;
};

const workItemsOf = (
  object: string,
  process: CompiledApprovalProcess,
  record: StoredRecord,
  state: ApprovalRecordState,
  now: string,
): WorkItem[] => {
  const request = state.request;
  if (request?.status !== "pending") return [];
  const decided = new Set(request.decisions.map((d) => d.userId));
  const step = process.definition.steps[request.step ?? -1]?.name ?? "";
  // Waiting since the current step started: a partial decision of a unanimous step rewrites the
  // remaining items, which must not move to the end of their approvers' inboxes.
  const started = state.history.findLast((h) => h.requestId === request.id && h.action === "stepStarted");
  const since = started?.at ?? now;
  return request.approvers
    .filter((userId) => !decided.has(userId))
    .map((userId) => ({ object, recordId: record.id, userId, requestId: request.id, step, since }));
};

const transition = async (
  ctx: RecordContext,
  command: ApprovalCommand,
  process: CompiledApprovalProcess,
  record: StoredRecord,
  state: ApprovalRecordState,
  body: ApprovalBody,
): Promise<Transition> => {
  const now = ctx.now().toISOString();
  const data = ruleData(ctx, record);
  const submitter = state.request?.submittedBy ?? ctx.actor.userId;
  const env: TransitionEnv = {
    process: process.definition,
    now,
    actorId: ctx.actor.userId,
    stepApplies: (index) => {
      const rule = process.stepCriteria[index];
      return rule === undefined || truthy(rule(data));
    },
    approversOf: (index) =>
      resolveApprovers(ctx.store, process.definition.steps[index]?.approvers ?? [], record, submitter),
  };
  switch (command) {
    case "submit":
      return submitTransition(env, state, newRecordId(ctx.now()), body.comment);
    case "approve":
    case "reject":
      return decideTransition(env, state, command, body.comment, body.step);
    case "recall":
      return recallTransition(env, state, body.comment, ctx.access.system.modifyAllData);
  }
};

/**
 * Runs one approval command on a record. Each transition is one write conditioned on the record's
 * version, carrying the new approval state, the actions' field updates, their notification and
 * webhook jobs, and the approvers' work items: of two concurrent decisions on a first-response step
 * exactly one wins; the other is re-evaluated on the new state (and gets 409 if the step is gone).
 */
export const runApproval = async (
  ctx: RecordContext,
  objectName: string,
  id: string,
  command: ApprovalCommand,
  rawBody: unknown,
): Promise<{ record: StoredRecord; events: ApprovalEvent[] }> => {
  const object = ctx.metadata.objects.get(objectName);
  if (object === undefined) throw notFound(`No object "${objectName}"`);
  // Who may not see the record learns nothing of it, not even that their body was wrong.
  let record = await loadFor(ctx, object.name, id, command);
  const body = parseApprovalBody(rawBody);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const state = approvalStateOf(record);
    const process =
      command === "submit" && state.request?.status !== "pending"
        ? processForSubmit(ctx, object.name, record)
        : processOfRequest(ctx, object.name, state);
    const result = await transition(ctx, command, process, record, state, body);
    const request = result.state.request;
    const extra: JsonObject = {
      process: process.definition.name,
      command,
      ...(body.comment !== undefined && { comment: body.comment }),
      ...(request !== undefined && { submittedBy: request.submittedBy, status: request.status }),
    };
    const effects = approvalEffects(ctx, object, process, result.events, record, extra);
    const now = ctx.now().toISOString();
    const written = await saveUpdate(ctx, object, record, effects.changes, {
      internal: { [APPROVAL_KEY]: toStored(result.state) },
      effects: { workItems: workItemsOf(object.name, process, record, result.state, now) },
      jobsFor: effects.jobsFor,
    });
    if (written !== undefined) {
      await writeAutomationLog(ctx, [
        {
          id: newRecordId(ctx.now()),
          at: now,
          kind: "approval",
          name: process.definition.name,
          object: object.name,
          recordId: id,
          status: "ok",
          message: `${command}: the request is ${request?.status ?? "unchanged"}.`,
          details: { command, events: result.events, actorId: ctx.actor.userId },
        },
      ]);
      return { record: written, events: result.events };
    }
    const latest = await ctx.store.getRecord(object.name, id);
    if (latest === undefined) throw notFound(`No ${objectName} record "${id}"`);
    record = latest;
  }
  throw conflict("record.stale", "The record keeps changing; try again");
};
