import nodemailer from "nodemailer";
import type { Job } from "../store/work-types.js";
import { type JobEnv, JobFailure, text } from "./job-context.js";
import type { JobResult } from "./job-result.js";

/** SMTP delivery (README: Configuration); without it e-mails stay `held` in the outbox. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** Attempts per e-mail before it is marked failed. */
export const MAX_EMAIL_ATTEMPTS = 5;

/**
 * Sends one outbox e-mail over SMTP and records the outcome on it. A transient failure leaves it
 * `queued` and the job is retried with backoff; after the last attempt it is `failed`.
 */
export const runEmail = async (env: JobEnv, job: Job, smtp: SmtpSettings | undefined): Promise<JobResult> => {
  const id = text(job.payload, "emailId") ?? "";
  const email = await env.store.getEmail(id);
  if (email === undefined) return { status: "skipped", message: "The e-mail is no longer in the outbox." };
  // A final state is final: a job run again after a lost lease must not send it (again).
  if (email.status === "sent" || email.status === "failed")
    return { status: "skipped", message: `The e-mail is ${email.status} already.` };
  if (smtp === undefined)
    throw new JobFailure("No SMTP server is configured; the e-mail stays in the outbox.");
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user !== undefined && { auth: { user: smtp.user, pass: smtp.password ?? "" } }),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const attempts = email.attempts + 1;
  try {
    await transport.sendMail({
      from: smtp.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: { "X-Tessera-Email-Id": email.id },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const final = attempts >= MAX_EMAIL_ATTEMPTS;
    await env.store.updateEmail(id, { status: final ? "failed" : "queued", attempts, lastError: message });
    if (final) throw new JobFailure(`Given up after ${attempts} attempts: ${message}`);
    return { status: "retry", error: message, details: { to: email.to } };
  } finally {
    transport.close();
  }
  await env.store.updateEmail(id, { status: "sent", attempts, sentAt: env.now().toISOString() });
  return { status: "ok", message: `Sent to ${email.to}.`, details: { to: email.to } };
};
