import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { performance } from "node:perf_hooks";
import { signWebhook } from "./sign-webhook.js";
import { checkWebhookTarget, type WebhookResolver, type WebhookTarget } from "./webhook-target.js";
import { WebhookTargetError } from "./webhook-target-error.js";

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
export const MAX_WEBHOOK_RESPONSE_BYTES = 64 * 1024;
const WEBHOOK_USER_AGENT = "Tessera-Webhooks/1";

export interface WebhookDeliveryRequest {
  url: string;
  /** The JSON payload, sent and signed exactly as given. */
  body: string;
  /** Sent as `tessera-event-id`, the same on every retry, so receivers can de-duplicate. */
  eventId: string;
  secret: string;
  allowlist: readonly string[];
  /** The whole delivery, DNS included. */
  timeoutMs?: number;
  /** The clock for the signature timestamp. */
  now?: () => Date;
  /** Replaces the system resolver (dns.lookup), e.g. to test address pinning. */
  resolve?: WebhookResolver;
}

export type DeliveryResult =
  | { ok: true; status: number; durationMs: number }
  | { ok: false; retryable: boolean; status?: number; error: string; durationMs: number };

type Exchange = { kind: "status"; status: number } | { kind: "timeout" } | { kind: "network"; code: string };

const RETRYABLE_STATUSES = new Set([408, 425, 429]);
const HEADER_VALUE = /^[\x21-\x7e]{1,200}$/;

/**
 * POSTs one signed event to a webhook receiver and says whether to retry. The target is checked first
 * and the connection goes to the address that was checked, never to a second DNS answer, so a host that
 * re-resolves to a private address after the check (DNS rebinding) is still not reached. Redirects are
 * not followed: a 3xx could point anywhere, including the private network.
 */
export async function deliverWebhook(request: WebhookDeliveryRequest): Promise<DeliveryResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeoutMs = request.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const refuse = (error: string): DeliveryResult => ({
    ok: false,
    retryable: false,
    error,
    durationMs: elapsed(),
  });

  if (request.secret === "") return refuse("The webhook has no signing secret.");
  if (!HEADER_VALUE.test(request.eventId)) return refuse("The webhook event id is not a valid header value.");

  let target: WebhookTarget;
  try {
    const checked = await withinTimeout(
      checkWebhookTarget(request.url, request.allowlist, request.resolve),
      timeoutMs,
    );
    if (checked === undefined) return timedOut(request.url, timeoutMs, elapsed());
    target = checked;
  } catch (error) {
    if (!(error instanceof WebhookTargetError)) throw error;
    const retryable = error.code === "webhook.dnsUnavailable";
    return { ok: false, retryable, error: error.message, durationMs: elapsed() };
  }

  const timestamp = Math.floor((request.now?.() ?? new Date()).getTime() / 1000);
  const headers: OutgoingHttpHeaders = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(request.body, "utf8"),
    "user-agent": WEBHOOK_USER_AGENT,
    "tessera-event-id": request.eventId,
    "tessera-timestamp": String(timestamp),
    "tessera-signature": signWebhook(request.secret, timestamp, request.body),
  };
  const remaining = Math.max(timeoutMs - elapsed(), 1);
  const exchange = await post(target, headers, request.body, remaining);
  const host = target.url.hostname;
  const durationMs = elapsed();

  if (exchange.kind === "timeout") return timedOut(request.url, timeoutMs, durationMs);
  if (exchange.kind === "network") {
    return {
      ok: false,
      retryable: true,
      error: `The webhook request to "${host}" failed (${exchange.code}).`,
      durationMs,
    };
  }
  const { status } = exchange;
  if (status >= 200 && status < 300) return { ok: true, status, durationMs };
  if (status >= 300 && status < 400) {
    return {
      ok: false,
      retryable: false,
      status,
      error: `The webhook receiver "${host}" answered ${status}; redirects are not followed.`,
      durationMs,
    };
  }
  const retryable = RETRYABLE_STATUSES.has(status) || (status >= 500 && status < 600);
  return {
    ok: false,
    retryable,
    status,
    error: `The webhook receiver "${host}" answered ${status}.`,
    durationMs,
  };
}

function timedOut(url: string, timeoutMs: number, durationMs: number): DeliveryResult {
  const host = URL.canParse(url) ? new URL(url).hostname : "the webhook host";
  return {
    ok: false,
    retryable: true,
    error: `The webhook request to "${host}" timed out after ${timeoutMs} ms.`,
    durationMs,
  };
}

/** Resolves to undefined when the time is up; the DNS lookup itself cannot be cancelled. */
async function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function post(
  target: WebhookTarget,
  headers: OutgoingHttpHeaders,
  body: string,
  timeoutMs: number,
): Promise<Exchange> {
  const { url, address, family } = target;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  // Whatever name the socket asks for, it gets the checked address.
  const pinned: LookupFunction = (_hostName, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;

  return new Promise((resolve) => {
    let settled = false;
    const finish = (exchange: Exchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outgoing.destroy();
      resolve(exchange);
    };

    const outgoing = send({
      // An IP literal was checked as the address itself (an IPv4-mapped one unwrapped): connect to that.
      host: isIP(host) ? address : host,
      port: url.port === "" ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: "POST",
      headers: { ...headers, host: url.host },
      lookup: pinned,
      family,
      // A fresh agent per delivery: no pooled socket connected to an earlier address is reused.
      agent: false,
      // TLS checks the certificate against the host name, not the pinned address; SNI never carries an IP.
      servername: isIP(host) ? undefined : host,
    });
    let onDeadline = () => finish({ kind: "timeout" });
    const timer = setTimeout(() => onDeadline(), timeoutMs);

    outgoing.on("response", (response: IncomingMessage) => {
      // Once the status is in, the outcome is known: a slow, broken or endless body does not change it,
      // and at most MAX_WEBHOOK_RESPONSE_BYTES of it is read before the socket is dropped.
      const done = () => finish({ kind: "status", status: response.statusCode ?? 0 });
      onDeadline = done;
      let received = 0;
      response.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received >= MAX_WEBHOOK_RESPONSE_BYTES) done();
      });
      response.on("end", done);
      response.on("error", done);
      response.on("close", done);
    });
    outgoing.on("error", (error: NodeJS.ErrnoException) =>
      finish({ kind: "network", code: error.code ?? error.message }),
    );
    outgoing.end(body);
  });
}
