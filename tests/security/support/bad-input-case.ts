import type { ApiClient, ApiResponse } from "../../engine/support/api-client.js";
import type { BatteryFixture } from "./battery-fixture.js";

type FromFixture<T> = T | ((f: BatteryFixture) => T);

/** One hostile request and the refusal it must get; nothing it sends may change the tenant. */
export interface BadInputCase {
  /** Reads as a specification: "refuses __proto__ nested in a record body". */
  name: string;
  /** Who sends it; the admin unless said otherwise. */
  as?: "admin" | "clerk" | "anonymous";
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: FromFixture<string>;
  /** JSON-encoded unless it is a string, which is sent verbatim (malformed or hand-written JSON). */
  body?: FromFixture<unknown>;
  headers?: FromFixture<Record<string, string>>;
  /**
   * If-Match for a write to the target invoice: "current" and "stale" are resolved against the
   * version read just before the request; anything else is sent as written.
   */
  ifMatch?: string;
  status: number;
  /** The problem's own `code` ("record.stale"), when it says more than the status. */
  code?: string;
  /** One of the problem's errors must have this path and code (each when given). */
  error?: { path?: string; code?: string };
  /** Runs before the "before" snapshot: state the request needs (e.g. an invalid draft to publish). */
  setup?: (f: BatteryFixture) => Promise<void>;
  /** Runs after the "after" snapshot (also when the case fails), to undo `setup` or a bug's write. */
  teardown?: (f: BatteryFixture) => Promise<void>;
  /** A known engine bug this case exposes (it runs as `it.fails` until fixed): what goes wrong, where. */
  knownBug?: string;
}

const resolve = <T>(value: FromFixture<T>, f: BatteryFixture): T =>
  typeof value === "function" ? (value as (f: BatteryFixture) => T)(f) : value;

const callerOf = (c: BadInputCase, f: BatteryFixture): ApiClient =>
  c.as === "clerk" ? f.clerk : c.as === "anonymous" ? f.t.anonymous() : f.admin;

const ifMatchHeader = (ifMatch: string | undefined, currentVersion: number): Record<string, string> => {
  if (ifMatch === undefined) return {};
  if (ifMatch === "current") return { "if-match": String(currentVersion) };
  if (ifMatch === "stale") return { "if-match": String(currentVersion - 1) };
  return { "if-match": ifMatch };
};

/** Sends the case's request; `currentVersion` is the target invoice's version right now. */
export const sendCase = (
  c: BadInputCase,
  f: BatteryFixture,
  currentVersion: number,
): Promise<ApiResponse> => {
  const body = c.body === undefined ? undefined : resolve(c.body, f);
  const headers = { ...ifMatchHeader(c.ifMatch, currentVersion), ...resolve(c.headers ?? {}, f) };
  return callerOf(c, f).request(c.method, resolve(c.path, f), body, headers);
};
