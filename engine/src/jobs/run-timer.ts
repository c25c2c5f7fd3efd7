import type { JsonObject } from "@tessera/metadata";
import { assignOwner } from "../automation/assign-owner.js";
import type { CompiledAutomation } from "../automation/compiled-automation.js";
import { actionJob, applyFieldUpdate, MAX_AUTOMATION_DEPTH } from "../automation/plan-automations.js";
import type { FieldChanges } from "../records/apply-input.js";
import { ruleData, truthy } from "../records/rule-data.js";
import { fieldValuesOf, saveUpdate } from "../records/save-update.js";
import { userContext } from "../security/user-context.js";
import { activeUserNamed } from "../security/user-directory.js";
import type { Job, NewJob } from "../store/work-types.js";
import { type JobEnv, JobFailure, text } from "./job-context.js";
import type { JobResult } from "./job-result.js";

const findAutomation = (env: JobEnv, object: string, name: string): CompiledAutomation | undefined =>
  env.metadata.automations.get(object)?.find((a) => a.definition.name === name);

/**
 * A scheduled or SLA automation whose time has come: checks its condition (and for SLA timers
 * whether the record was resolved in time) on the record as it is now, then runs its actions as
 * the automation's run-as user (else the record's owner). Same-record changes are written together
 * with the removal of this job, so a restart cannot run them twice.
 */
export const runTimer = async (env: JobEnv, job: Job): Promise<JobResult> => {
  const objectName = text(job.payload, "object") ?? "";
  const name = text(job.payload, "automation") ?? "";
  const recordId = text(job.payload, "recordId") ?? "";
  const depth = typeof job.payload.depth === "number" ? job.payload.depth : 0;
  const automation = findAutomation(env, objectName, name);
  const object = env.metadata.objects.get(objectName);
  if (automation === undefined || object === undefined)
    return { status: "skipped", message: "The automation is inactive or was removed." };
  const found = await env.store.getRecord(objectName, recordId);
  if (found === undefined) return { status: "skipped", message: "The record was deleted." };
  const record = found;
  const runAs = automation.definition.runAs;
  const userId = runAs === undefined ? record.ownerId : await activeUserNamed(env.store, runAs);
  const base = userId === undefined ? undefined : await userContext(env.store, env.metadata, userId, env.now);
  if (base === undefined) throw new JobFailure("The user this automation runs as is inactive or gone.");
  if (depth >= MAX_AUTOMATION_DEPTH)
    throw new JobFailure(
      `Stopped: automations triggered each other ${depth} times in a row (limit ${MAX_AUTOMATION_DEPTH}).`,
    );
  const ctx = { ...base, automationDepth: depth + 1 };
  const data = ruleData(ctx, record);
  if (automation.unless !== undefined && truthy(automation.unless(data)))
    return { status: "skipped", message: "The record met its target in time." };
  if (automation.condition !== undefined && !truthy(automation.condition(data)))
    return { status: "skipped", message: "The condition does not hold any more." };
  const values: JsonObject = fieldValuesOf(record, object.fields);
  const changes: FieldChanges = new Map();
  let ownerId: string | undefined;
  const later: Array<(written: typeof record) => NewJob> = [];
  for (const [index, action] of automation.definition.actions.entries()) {
    if (action.type === "fieldUpdate") {
      const value = automation.values[index]?.get(action.field)?.(data) ?? null;
      applyFieldUpdate(object, values, action.field, value, `Automation "${name}"`);
      changes.set(action.field, values[action.field] ?? null);
    } else if (action.type === "assignOwner") {
      ownerId = (await assignOwner(ctx, automation, index, action, data)) ?? ownerId;
    } else {
      later.push((written) =>
        actionJob(ctx, automation, action, index, written, depth, {
          kind: automation.definition.trigger.type,
        }),
      );
    }
  }
  const details: JsonObject = { recordId, trigger: automation.definition.trigger.type };
  if (changes.size === 0 && (ownerId === undefined || ownerId === record.ownerId)) {
    // The actions' jobs and this timer's removal are one write: a restart cannot start them twice.
    await env.store.enqueueJobs(
      later.map((job) => job(record)),
      { completeJob: job.id },
    );
    return { status: "ok", message: "Ran when its time came.", details };
  }
  const written = await saveUpdate(ctx, object, record, changes, {
    ...(ownerId !== undefined && { ownerId }),
    effects: { completeJob: job.id },
    jobsFor: (next) => later.map((make) => make(next)),
  });
  if (written === undefined)
    return { status: "retry", error: "The record changed at the same time.", details };
  return { status: "ok", message: "Ran when its time came.", details };
};
