import { type ApprovalProcess, type JsonObject, type Locale, localize } from "@tessera/metadata";
import { findProcess } from "../automation/compiled-automation.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import { loadAccessible } from "../records/update-record.js";
import type { StoredRecord, TenantStore } from "../store/store-port.js";
import { type ApprovalRecordState, approvalStateOf } from "./approval-state.js";

export interface UserRef {
  id: string;
  name: string;
}

/** Display names of users (approvers and submitters are shown to whoever sees the request). */
export const userNames = async (store: TenantStore, ids: Iterable<string>): Promise<Map<string, UserRef>> => {
  const unique = [...new Set(ids)];
  const users = unique.length === 0 ? [] : await store.getRecords("user", unique);
  return new Map(users.map((u) => [u.id, { id: u.id, name: String(u.name ?? u.username ?? u.id) }]));
};

const stepLabel = (process: ApprovalProcess | undefined, index: number | undefined, locale: Locale) => {
  const step = index === undefined ? undefined : process?.steps[index];
  return step === undefined
    ? undefined
    : { name: step.name, label: localize(step.label, locale), decision: step.decision };
};

const refOf = (names: Map<string, UserRef>, id: string | undefined): UserRef | undefined =>
  id === undefined ? undefined : (names.get(id) ?? { id, name: id });

/** A record's approval state as the API shows it, with what the caller may do next. */
export const presentApproval = async (ctx: RecordContext, record: StoredRecord): Promise<JsonObject> => {
  const state: ApprovalRecordState = approvalStateOf(record);
  const request = state.request;
  const process = request === undefined ? undefined : findProcess(ctx.metadata.documents, request.process);
  const ids = [
    ...(request?.approvers ?? []),
    ...(request === undefined ? [] : [request.submittedBy]),
    ...state.history.flatMap((h) => [
      ...(h.actorId === undefined ? [] : [h.actorId]),
      ...(h.approvers ?? []),
    ]),
  ];
  const names = await userNames(ctx.store, ids);
  const me = ctx.actor.userId;
  const pending = request?.status === "pending";
  const view = {
    status: request?.status ?? "none",
    locked: pending && request?.locked === true,
    ...(request !== undefined && {
      requestId: request.id,
      process: {
        name: request.process,
        label: process === undefined ? request.process : localize(process.label, ctx.locale),
      },
      submittedBy: refOf(names, request.submittedBy),
      submittedAt: request.submittedAt,
      ...(request.completedAt !== undefined && { completedAt: request.completedAt }),
    }),
    ...(pending && {
      currentStep: stepLabel(process, request?.step, ctx.locale),
      approvers: (request?.approvers ?? []).map((id) => ({
        ...refOf(names, id),
        decision: request?.decisions.find((d) => d.userId === id)?.decision ?? null,
      })),
    }),
    canApprove:
      pending && request?.approvers.includes(me) === true && !request.decisions.some((d) => d.userId === me),
    canRecall:
      pending &&
      process?.allowRecall === true &&
      (request?.submittedBy === me || ctx.access.system.modifyAllData),
    history: state.history
      .slice()
      .reverse()
      .map((h) => ({
        ...h,
        ...(h.step !== undefined && {
          stepLabel: localize(process?.steps.find((st) => st.name === h.step)?.label, ctx.locale) ?? h.step,
        }),
        ...(h.actorId !== undefined && { actor: refOf(names, h.actorId) }),
        ...(h.approvers !== undefined && { approvers: h.approvers.map((id) => refOf(names, id)) }),
      })),
  };
  return view as unknown as JsonObject;
};

/** The approval panel of one record; reading it needs read access to the record. */
export const getApproval = async (
  ctx: RecordContext,
  objectName: string,
  id: string,
): Promise<JsonObject> => {
  resolveObject(ctx, objectName, "read");
  return presentApproval(ctx, await loadAccessible(ctx, objectName, id, "read"));
};

/** The caller's pending approval work items, oldest first, with record name and submitter. */
export const approvalInbox = async (ctx: RecordContext, limit = 100): Promise<JsonObject> => {
  const items = await ctx.store.listWorkItems(ctx.actor.userId, { limit });
  const out: JsonObject[] = [];
  // One read per object, not per item.
  const records = new Map<string, StoredRecord>();
  for (const object of new Set(items.map((i) => i.object))) {
    if (!ctx.metadata.objects.has(object)) continue;
    const ids = items.filter((i) => i.object === object).map((i) => i.recordId);
    for (const record of await ctx.store.getRecords(object, ids))
      records.set(`${object}/${record.id}`, record);
  }
  const submitters = [...records.values()].map((r) => approvalStateOf(r).request?.submittedBy ?? "");
  const names = await userNames(ctx.store, submitters);
  for (const item of items) {
    const record = records.get(`${item.object}/${item.recordId}`);
    const object = ctx.metadata.objects.get(item.object);
    const request = record === undefined ? undefined : approvalStateOf(record).request;
    if (record === undefined || object === undefined || request?.status !== "pending") continue;
    const process = findProcess(ctx.metadata.documents, request.process);
    out.push({
      object: item.object,
      objectLabel: localize(object.definition.label, ctx.locale),
      recordId: item.recordId,
      recordName: String(record[object.recordName] ?? item.recordId),
      requestId: item.requestId,
      process: {
        name: request.process,
        label: process === undefined ? request.process : localize(process.label, ctx.locale),
      },
      step: stepLabel(process, request.step, ctx.locale) ?? { name: item.step, label: item.step },
      submittedBy: refOf(names, request.submittedBy) as unknown as JsonObject,
      submittedAt: request.submittedAt,
      since: item.since,
    } as JsonObject);
  }
  return { items: out };
};
