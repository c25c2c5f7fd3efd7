import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { forbiddenAddressReason, type IpAddress, parseAddress } from "./forbidden-address.js";
import { compileWebhookAllowlist } from "./webhook-allowlist.js";
import { WebhookTargetError } from "./webhook-target-error.js";

/** A webhook URL that passed the address policy, and the one address the delivery must connect to. */
export interface WebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export type WebhookResolver = (hostName: string) => Promise<Array<{ address: string; family: 4 | 6 }>>;

const MAX_WEBHOOK_URL_LENGTH = 2048;

// getaddrinfo answers that will not change on retry; anything else (EAI_AGAIN, timeouts) is temporary.
const PERMANENT_LOOKUP_FAILURES = new Set(["ENOTFOUND", "ENODATA", "EAI_NONAME", "EAI_FAIL"]);

const systemResolver: WebhookResolver = async (hostName) =>
  (await lookup(hostName, { all: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/**
 * Checks a webhook URL before anything is sent: https (http only for an allow-listed host), no
 * credentials, and every address the host resolves to must be public unicast unless the host or that
 * address is on the administrator's allow-list. One forbidden address refuses the whole host: picking a
 * "good" one would let a DNS answer that mixes both reach the private network on another resolver.
 * A host counts as allow-listed for http when its name is listed or, for an IP literal, its address is.
 */
export async function checkWebhookTarget(
  url: string,
  allowlist: readonly string[],
  resolve: WebhookResolver = systemResolver,
): Promise<WebhookTarget> {
  const parsed = parseUrl(url);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  const list = compileWebhookAllowlist(allowlist);
  const literal = isIP(host) ? parseAddress(host) : undefined;
  const hostAllowed = literal ? list.allowsAddress(literal) : list.allowsHost(host);

  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new WebhookTargetError(
      "webhook.scheme",
      `The webhook URL for "${host}" uses "${parsed.protocol}"; only https is allowed (http only for allow-listed hosts).`,
      host,
    );
  }
  if (parsed.username !== "" || parsed.password !== "") {
    throw new WebhookTargetError(
      "webhook.credentials",
      `The webhook URL for "${host}" contains a user name or password; use the webhook secret instead.`,
      host,
    );
  }
  if (parsed.protocol === "http:" && !hostAllowed) {
    throw new WebhookTargetError(
      "webhook.scheme",
      `The webhook URL for "${host}" must use https; http is allowed only for hosts on the webhook allow-list.`,
      host,
    );
  }

  const addresses = literal ? [literal] : await resolveHost(host, resolve);
  if (!hostAllowed) {
    for (const address of addresses) {
      const reason = forbiddenAddressReason(address);
      if (reason !== undefined && !list.allowsAddress(address)) {
        throw new WebhookTargetError(
          "webhook.forbiddenAddress",
          `The webhook host "${host}" ${literal ? "is" : "resolves to"} ${reason}, which webhooks may not reach; an administrator can add the host to the webhook allow-list.`,
          host,
        );
      }
    }
  }
  const [chosen] = addresses;
  if (chosen === undefined) throw unresolvable(host, "no addresses");
  return { url: parsed, address: chosen.toString(), family: chosen instanceof ipaddr.IPv4 ? 4 : 6 };
}

function parseUrl(url: string): URL {
  if (url.length > MAX_WEBHOOK_URL_LENGTH) {
    throw new WebhookTargetError(
      "webhook.invalidUrl",
      `The webhook URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters.`,
    );
  }
  try {
    return new URL(url);
  } catch {
    throw new WebhookTargetError("webhook.invalidUrl", "The webhook URL is not a valid absolute URL.");
  }
}

async function resolveHost(host: string, resolve: WebhookResolver): Promise<IpAddress[]> {
  let answers: Array<{ address: string }>;
  try {
    answers = await resolve(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "lookup failed";
    if (PERMANENT_LOOKUP_FAILURES.has(code)) throw unresolvable(host, code);
    throw new WebhookTargetError(
      "webhook.dnsUnavailable",
      `The webhook host "${host}" could not be resolved right now (${code}).`,
      host,
    );
  }
  if (answers.length === 0) throw unresolvable(host, "no addresses");
  return answers.map(({ address }) => {
    // An answer that is not an IP literal cannot be judged, so it cannot be allowed.
    if (!isIP(address)) throw unresolvable(host, "an invalid address");
    return parseAddress(address);
  });
}

const unresolvable = (host: string, detail: string) =>
  new WebhookTargetError(
    "webhook.unresolvable",
    `The webhook host "${host}" could not be resolved (${detail}).`,
    host,
  );
