import { createHash, randomBytes } from "node:crypto";
import { isApiKeyToken, tenantOfApiKeyToken } from "./api-key-token.js";

/**
 * A bearer token names its tenant (`<tenant>.<secret>`) so a request is routed to one tenant's
 * store before anything else happens; only the SHA-256 of the token is stored.
 */
export const newSessionToken = (tenant: string): string =>
  `${tenant}.${randomBytes(32).toString("base64url")}`;

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** The tenant a bearer token names, a session's or an API key's; undefined when it names none. */
export const tenantOfToken = (token: string): string | undefined => {
  if (isApiKeyToken(token)) return tenantOfApiKeyToken(token);
  const dot = token.indexOf(".");
  return dot > 0 ? token.slice(0, dot) : undefined;
};

/** How long a session lives without being renewed. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
