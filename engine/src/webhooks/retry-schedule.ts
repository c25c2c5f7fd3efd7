/** Deliveries per event, the first included; after the last failure the event is given up. */
export const MAX_WEBHOOK_ATTEMPTS = 8;

export const WEBHOOK_RETRY_BASE_MS = 5_000;
export const WEBHOOK_RETRY_CAP_MS = 60 * 60 * 1000;

const JITTER = 0.2;

/**
 * How long to wait after failed attempt number `attempt` (1-based) before the next one: `baseMs`
 * doubled per attempt, capped at one hour, then spread by ±20% so receivers recovering from an outage
 * are not hit by every queued event at the same instant. The cap applies before the jitter, so waits at
 * the cap still spread (48 to 72 minutes).
 */
export function retryDelayMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs: number = WEBHOOK_RETRY_BASE_MS,
): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError("An attempt number starts at 1.");
  if (!(baseMs > 0)) throw new RangeError("A retry base must be a positive number of milliseconds.");
  const capped = Math.min(baseMs * 2 ** (attempt - 1), WEBHOOK_RETRY_CAP_MS);
  const spread = Math.min(Math.max(random(), 0), 1) * 2 - 1;
  return Math.round(capped * (1 + JITTER * spread));
}
