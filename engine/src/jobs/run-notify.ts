import { isPlainObject, type JsonObject, localize, type Recipient } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import { userContext } from "../security/user-context.js";
import type { Job, NewJob, Notification, OutboxEmail } from "../store/work-types.js";
import { renderRecordTemplate } from "../templates/render-record-template.js";
import { type JobEnv, JobFailure, runAsContext, snapshotRecord, text } from "./job-context.js";
import { resolveRecipients } from "./resolve-recipients.js";

export interface NotifyOutcome {
  notifications: number;
  emails: number;
}

/**
 * Renders a notify action's template once per recipient, with that reader's locale and
 * field-level security (plain addresses: with the action's run-as user), and stores in-app
 * notifications and e-mails. Ids derive from the job's id, so a retried job adds nothing twice.
 */
export const runNotify = async (env: JobEnv, job: Job): Promise<NotifyOutcome> => {
  const payload = job.payload;
  const record = await snapshotRecord(env, payload);
  const object = text(payload, "object");
  const templateName = text(payload, "template");
  if (record === undefined || object === undefined || templateName === undefined) {
    throw new JobFailure("The notification job is incomplete.");
  }
  const template = env.metadata.templates.get(templateName);
  if (template === undefined) throw new JobFailure(`Template "${templateName}" does not exist any more.`);
  const extra = isPlainObject(payload.extra) ? (payload.extra as JsonObject) : undefined;
  const to = (Array.isArray(payload.to) ? payload.to : []) as unknown as Recipient[];
  const recipients = await resolveRecipients(env, to, object, record, extra);
  const at = env.now().toISOString();
  const notifications: Notification[] = [];
  const emails: OutboxEmail[] = [];
  const status = env.smtpEnabled ? "queued" : "held";
  const source: JsonObject = {
    ...(isPlainObject(payload.source) ? payload.source : {}),
    object,
    recordId: record.id,
  };
  const render = (reader: RecordContext) =>
    renderRecordTemplate(reader, template, { object, record, ...(extra !== undefined && { extra }) });
  let n = 0;
  const nextId = () => `${job.id}-${String(n++).padStart(3, "0")}`;
  for (const userId of recipients.users) {
    const reader = await userContext(env.store, env.metadata, userId, env.now);
    if (reader === undefined) continue;
    const rendered = await render(reader);
    const title = rendered.subject ?? localize(template.label, reader.locale) ?? templateName;
    notifications.push({ id: nextId(), userId, at, title, body: rendered.text, object, recordId: record.id });
    const address = (await env.store.getRecord("user", userId))?.email;
    if (template.purpose === "email" && typeof address === "string") {
      emails.push({
        id: nextId(),
        at,
        to: address,
        subject: title,
        html: rendered.body,
        text: rendered.text,
        status,
        attempts: 0,
        source,
      });
    }
  }
  if (recipients.addresses.length > 0) {
    const sender = await runAsContext(env, job);
    if (sender === undefined) throw new JobFailure("The user this notification runs as is inactive or gone.");
    const rendered = await render(sender);
    const subject = rendered.subject ?? localize(template.label, sender.locale) ?? templateName;
    for (const to of recipients.addresses) {
      emails.push({
        id: nextId(),
        at,
        to,
        subject,
        html: rendered.body,
        text: rendered.text,
        status,
        attempts: 0,
        source,
      });
    }
  }
  await env.store.addNotifications(notifications);
  await env.store.addEmails(emails);
  if (env.smtpEnabled && emails.length > 0) {
    const deliveries: NewJob[] = emails.map((email) => ({
      id: email.id,
      key: `email:${email.id}`,
      kind: "email",
      dueAt: at,
      payload: { emailId: email.id },
    }));
    await env.store.enqueueJobs(deliveries);
  }
  return { notifications: notifications.length, emails: emails.length };
};
