import { useEffect, useLayoutEffect, useRef } from "react";

/** How often a running job is asked for its progress. */
export const POLL_INTERVAL_MS = 500;

export type PollDecision = "continue" | "stop";

export interface Polling<T> {
  /** Polls only while true; turning false (or unmounting) stops at once, dropping a late answer. */
  active: boolean;
  load: (signal: AbortSignal) => Promise<T>;
  onAnswer: (answer: T) => PollDecision;
  onError: (error: unknown) => PollDecision;
  intervalMs?: number;
}

/**
 * Asks `load` every `intervalMs` while active, one request at a time (the next waits for the answer
 * of the previous, so a slow server is never asked twice at once).
 */
export const usePolling = <T>({
  active,
  load,
  onAnswer,
  onError,
  intervalMs = POLL_INTERVAL_MS,
}: Polling<T>) => {
  const latest = useRef({ load, onAnswer, onError });
  useLayoutEffect(() => {
    latest.current = { load, onAnswer, onError };
  });
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      let decision: PollDecision;
      try {
        const answer = await latest.current.load(controller.signal);
        if (controller.signal.aborted) return;
        decision = latest.current.onAnswer(answer);
      } catch (error) {
        if (controller.signal.aborted) return;
        decision = latest.current.onError(error);
      }
      if (decision === "continue") timer = setTimeout(() => void tick(), intervalMs);
    };
    timer = setTimeout(() => void tick(), intervalMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [active, intervalMs]);
};
