import { resolve } from "node:path";
import type { DestinationStream } from "pino";
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
}

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
  };
};
