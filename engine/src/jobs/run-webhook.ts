import type { JsonObject } from "@tessera/metadata";
import { and, idIs } from "../records/filter-helpers.js";
import { presentRecord } from "../records/present-records.js";
import type { Job } from "../store/work-types.js";
import { renderRecordTemplate } from "../templates/render-record-template.js";
import { deliverWebhook, MAX_WEBHOOK_ATTEMPTS } from "../webhooks/index.js";
import { type JobEnv, JobFailure, runAsContext, snapshotRecord, text } from "./job-context.js";
import type { JobResult } from "./job-result.js";
import { webhookAllowlist, webhookSecret } from "./webhook-settings.js";

/**
 * The event a webhook posts: the record as the run-as user may see it (field-level security and
 * lookup names applied; only its id when sharing hides it from them), and the rendered template
 * when the action names one (not for a record they may not see). Rebuilt from the
 * job's snapshot on every attempt, so retries carry the same event id and the same record.
 */
const eventBody = async (env: JobEnv, job: Job): Promise<string> => {
  const payload = job.payload;
  const record = await snapshotRecord(env, payload);
  const objectName = text(payload, "object");
  const object = objectName === undefined ? undefined : env.metadata.objects.get(objectName);
  if (record === undefined || object === undefined)
    throw new JobFailure("The webhook's record or object is gone.");
  const reader = await runAsContext(env, job);
  if (reader === undefined) throw new JobFailure("The user this webhook runs as is inactive or gone.");
  const shared =
    reader.access.can("read", object.name) &&
    (await env.store.countRecords(
      object.name,
      and(idIs(record.id), await reader.access.recordFilter(object.name, "read")),
    )) > 0;
  const visible = shared ? await presentRecord(reader, object, record) : { id: record.id };
  const source = (payload.source ?? {}) as JsonObject;
  const body: JsonObject = {
    id: job.id,
    type: `${String(source.kind ?? "automation")}.${String(source.event ?? "event")}`,
    occurredAt: job.createdAt,
    tenant: env.store.tenant,
    source,
    object: object.name,
    record: visible,
  };
  const templateName = text(payload, "template");
  if (templateName !== undefined && shared) {
    const template = env.metadata.templates.get(templateName);
    if (template === undefined) throw new JobFailure(`Template "${templateName}" does not exist any more.`);
    body.message = (await renderRecordTemplate(reader, template, { object: object.name, record })).text;
  }
  return JSON.stringify(body);
};

/** One delivery attempt of a webhook job; failures are retried with backoff up to the attempt limit. */
export const runWebhook = async (env: JobEnv, job: Job, timeoutMs?: number): Promise<JobResult> => {
  const url = text(job.payload, "url");
  if (url === undefined) throw new JobFailure("The webhook job has no address.");
  const result = await deliverWebhook({
    url,
    body: await eventBody(env, job),
    eventId: job.id,
    secret: await webhookSecret(env.store),
    allowlist: await webhookAllowlist(env.store),
    now: env.now,
    ...(timeoutMs !== undefined && { timeoutMs }),
  });
  const details: JsonObject = { url, attempt: job.attempts, durationMs: result.durationMs };
  if (result.status !== undefined) details.status = result.status;
  if (result.ok) return { status: "ok", message: `Delivered (HTTP ${result.status}).`, details };
  if (!result.retryable || job.attempts >= MAX_WEBHOOK_ATTEMPTS) {
    throw new JobFailure(
      result.retryable ? `Given up after ${job.attempts} attempts: ${result.error}` : result.error,
    );
  }
  return { status: "retry", error: result.error, details };
};
