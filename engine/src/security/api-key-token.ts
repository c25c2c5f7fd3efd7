import { randomBytes } from "node:crypto";

// `tk_<tenant>_<secret>`: tenant names have no `_` and session tokens (`<tenant>.<secret>`) always a
// `.`, so the two never look alike, and both name their tenant before anything is looked up.
const API_KEY_TOKEN = /^tk_([a-z][a-z0-9-]{0,39})_([A-Za-z0-9_-]{43})$/;

/** Characters of the secret shown in a key's prefix: enough to tell keys apart, far too few to guess the rest. */
const SHOWN_SECRET_CHARS = 6;

/** A new API key token (256 random bits) and the prefix it is listed under. */
export const newApiKeyToken = (tenant: string): { token: string; prefix: string } => {
  const secret = randomBytes(32).toString("base64url");
  return {
    token: `tk_${tenant}_${secret}`,
    prefix: `tk_${tenant}_${secret.slice(0, SHOWN_SECRET_CHARS)}`,
  };
};

/** Whether a bearer token claims to be an API key (it may still be malformed). */
export const isApiKeyToken = (token: string): boolean => token.startsWith("tk_");

/** The tenant a well-formed API key token names; undefined for anything malformed. */
export const tenantOfApiKeyToken = (token: string): string | undefined => API_KEY_TOKEN.exec(token)?.[1];
