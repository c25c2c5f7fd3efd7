import type { JsonObject } from "@tessera/metadata";

/** How a job ended: done (log `ok` or `skipped`), or to be tried again later. */
export type JobResult =
  | { status: "ok" | "skipped"; message: string; details?: JsonObject }
  | { status: "retry"; error: string; details?: JsonObject };
