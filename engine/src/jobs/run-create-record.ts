import { isPlainObject } from "@tessera/metadata";
import { MAX_AUTOMATION_DEPTH } from "../automation/plan-automations.js";
import { EngineError } from "../errors/engine-error.js";
import { createRecord } from "../records/create-record.js";
import { StoreError } from "../store/store-port.js";
import type { Job } from "../store/work-types.js";
import { type JobEnv, JobFailure, runAsContext, text } from "./job-context.js";
import type { JobResult } from "./job-result.js";

/**
 * An automation's "create a related record", with the run-as user's permissions. The new record's
 * id is the job's id, so a job retried after a crash finds its record already there.
 */
export const runCreateRecord = async (env: JobEnv, job: Job): Promise<JobResult> => {
  const object = text(job.payload, "object") ?? "";
  const depth = typeof job.payload.depth === "number" ? job.payload.depth : 1;
  if (depth > MAX_AUTOMATION_DEPTH)
    throw new JobFailure(
      `Stopped: automations triggered each other ${depth} times in a row (limit ${MAX_AUTOMATION_DEPTH}).`,
    );
  const ctx = await runAsContext(env, job, depth);
  if (ctx === undefined) throw new JobFailure("The user this automation runs as is inactive or gone.");
  const values = isPlainObject(job.payload.values) ? job.payload.values : {};
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) if (value !== null) body[field] = value;
  try {
    const created = await createRecord(ctx, object, body, { id: job.id });
    return {
      status: "ok",
      message: `Created ${object} ${String(created.id)}.`,
      details: { createdId: job.id },
    };
  } catch (error) {
    if (error instanceof StoreError && error.code === "duplicateId")
      return { status: "skipped", message: "The record was already created by an earlier attempt." };
    if (error instanceof EngineError) {
      const reasons = error.errors.map((e) => `${e.path || "/"}: ${e.message}`).join("; ");
      throw new JobFailure(
        `Could not create ${object}: ${error.title}${reasons === "" ? "" : ` (${reasons})`}`,
      );
    }
    throw error;
  }
};
