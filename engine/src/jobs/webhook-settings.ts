import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import type { ProblemDetail } from "../errors/engine-error.js";
import type { TenantStore } from "../store/store-port.js";

const ALLOWLIST_KEY = "webhooks.allowlist";
const SECRET_KEY = "webhooks.secret";
const MAX_ENTRIES = 100;
const HOST = /^(?=.{1,253}$)([A-Za-z0-9-]{1,63}\.)*[A-Za-z0-9-]{1,63}\.?$/;

/** Hosts, IP addresses or CIDR ranges webhooks may reach although they are private or loopback. */
export const webhookAllowlist = async (store: TenantStore): Promise<string[]> => {
  const value = await store.getSetting(ALLOWLIST_KEY);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
};

const isAllowlistEntry = (entry: string): boolean => {
  const [address, bits, ...rest] = entry.split("/");
  if (rest.length > 0 || address === undefined) return false;
  if (bits !== undefined) {
    const family = isIP(address);
    const max = family === 4 ? 32 : family === 6 ? 128 : 0;
    return max > 0 && /^\d{1,3}$/.test(bits) && Number(bits) <= max;
  }
  return isIP(address) !== 0 || HOST.test(address);
};

/** Problems of a proposed allow-list (JSON pointers into the request body). */
export const allowlistProblems = (value: unknown): ProblemDetail[] => {
  if (!Array.isArray(value) || value.length > MAX_ENTRIES) {
    return [
      {
        path: "/webhookAllowlist",
        code: "type",
        message: `A list of at most ${MAX_ENTRIES} host names, IP addresses or CIDR ranges.`,
      },
    ];
  }
  return value.flatMap((entry, i) =>
    typeof entry === "string" && isAllowlistEntry(entry)
      ? []
      : [
          {
            path: `/webhookAllowlist/${i}`,
            code: "webhooks.allowlistEntry",
            message: "Not a host name, IP address or CIDR range (e.g. 10.0.0.0/8).",
          },
        ],
  );
};

export const setWebhookAllowlist = (store: TenantStore, entries: readonly string[]): Promise<void> =>
  store.putSetting(
    ALLOWLIST_KEY,
    entries.map((e) => e.toLowerCase()),
  );

/** The tenant's webhook signing secret, made on first use. */
export const webhookSecret = async (store: TenantStore): Promise<string> => {
  const value = await store.getSetting(SECRET_KEY);
  if (typeof value === "string" && value !== "") return value;
  return rotateWebhookSecret(store);
};

export const rotateWebhookSecret = async (store: TenantStore): Promise<string> => {
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  await store.putSetting(SECRET_KEY, secret);
  return secret;
};
