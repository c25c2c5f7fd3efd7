import { performance } from "node:perf_hooks";
import { setImmediate } from "node:timers/promises";

/** The longest a batch holds the event loop before it lets requests and timers run. */
const TURN_MS = 50;

/**
 * A clock of turns given back to the event loop. The embedded store answers synchronously, so a
 * loop of awaited writes would otherwise hold the process for a whole batch: progress polls
 * (every 500 ms from the runtime) would wait, and idle connections would time out meanwhile.
 */
export const eventLoopTurns = () => {
  let since = performance.now();
  return {
    /** Yields when the loop has been held for TURN_MS or more. */
    async maybeYield(): Promise<void> {
      if (performance.now() - since < TURN_MS) return;
      await setImmediate();
      since = performance.now();
    },
  };
};
