import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DestinationStream } from "pino";
import type { SmtpSettings } from "../jobs/run-email.js";
import type { LoginThrottleOptions } from "../security/login-throttle.js";
import { MIN_PASSWORD_LENGTH } from "../security/password.js";

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  mongoUri?: string;
  adminPassword?: string;
  logLevel: string;
  /** Where the log goes (default stdout). Not read from the environment: for tests and embedding. */
  logDestination?: DestinationStream;
  /** Sign-in limits and their clock (default DEFAULT_LOGIN_THROTTLE). Not read from the environment. */
  loginThrottle?: Partial<LoginThrottleOptions>;
  /** The job worker: poll interval and first retry delay in ms (TESSERA_JOB_POLL_MS, TESSERA_JOB_RETRY_BASE_MS). */
  jobs?: { pollMs?: number; retryBaseMs?: number; webhookTimeoutMs?: number };
  /** SMTP delivery of the e-mail outbox (TESSERA_SMTP_*); absent: e-mails are held in the outbox. */
  smtp?: SmtpSettings;
  /** The plugins folder (TESSERA_PLUGINS_DIR; default: `plugins/` of this checkout). */
  pluginsDir?: string;
}

/** `plugins/` of this checkout (from engine/src/server or engine/dist/server alike). */
export const DEFAULT_PLUGINS_DIR = fileURLToPath(new URL("../../../plugins", import.meta.url));

const positiveInt = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
};

const smtpFromEnv = (env: NodeJS.ProcessEnv): SmtpSettings | undefined => {
  const host = env.TESSERA_SMTP_HOST;
  if (host === undefined || host === "") return undefined;
  const from = env.TESSERA_SMTP_FROM;
  if (from === undefined || from === "")
    throw new Error("TESSERA_SMTP_FROM is needed with TESSERA_SMTP_HOST");
  const port = positiveInt(env, "TESSERA_SMTP_PORT", 587);
  return {
    host,
    port,
    secure: env.TESSERA_SMTP_SECURE === "true" || (env.TESSERA_SMTP_SECURE === undefined && port === 465),
    from,
    ...(env.TESSERA_SMTP_USER !== undefined &&
      env.TESSERA_SMTP_USER !== "" && { user: env.TESSERA_SMTP_USER }),
    ...(env.TESSERA_SMTP_PASSWORD !== undefined && { password: env.TESSERA_SMTP_PASSWORD }),
  };
};

/** Configuration from the environment (README: Configuration). */
export const configFromEnv = (env: NodeJS.ProcessEnv = process.env): ServerConfig => {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const password = env.TESSERA_ADMIN_PASSWORD;
  if (password !== undefined && password !== "" && password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`TESSERA_ADMIN_PASSWORD needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    dataDir: resolve(env.TESSERA_DATA_DIR ?? ".tessera"),
    ...(env.MONGODB_URI !== undefined && env.MONGODB_URI !== "" && { mongoUri: env.MONGODB_URI }),
    ...(env.TESSERA_ADMIN_PASSWORD !== undefined &&
      env.TESSERA_ADMIN_PASSWORD !== "" && { adminPassword: env.TESSERA_ADMIN_PASSWORD }),
    logLevel: env.LOG_LEVEL ?? "info",
    jobs: {
      pollMs: positiveInt(env, "TESSERA_JOB_POLL_MS", 1000),
      retryBaseMs: positiveInt(env, "TESSERA_JOB_RETRY_BASE_MS", 5000),
    },
    ...(smtpFromEnv(env) !== undefined && { smtp: smtpFromEnv(env) }),
    pluginsDir: resolve(env.TESSERA_PLUGINS_DIR ?? DEFAULT_PLUGINS_DIR),
  };
};
