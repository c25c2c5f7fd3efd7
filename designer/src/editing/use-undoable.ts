import { useCallback, useMemo, useState } from "react";

/** The most steps kept: enough for a session's editing, bounded for a 200-field object's copies. */
const LIMIT = 200;

interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
}

export interface Undoable<T> {
  value: T;
  /** Records a new state (a function gets the current one); clears what could be redone. */
  set(next: T | ((current: T) => T)): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Starts over from `value` with no history (after loading or saving). */
  reset(value: T): void;
}

/** Pure history steps, exported for tests. */
export const historyStep = {
  set: <T>(h: History<T>, next: T): History<T> =>
    Object.is(next, h.present)
      ? h
      : { past: [...h.past, h.present].slice(-LIMIT), present: next, future: [] },
  undo: <T>(h: History<T>): History<T> => {
    const previous = h.past.at(-1);
    if (h.past.length === 0) return h;
    return { past: h.past.slice(0, -1), present: previous as T, future: [h.present, ...h.future] };
  },
  redo: <T>(h: History<T>): History<T> => {
    const [next, ...rest] = h.future;
    if (h.future.length === 0) return h;
    return { past: [...h.past, h.present], present: next as T, future: rest };
  },
};

/** Undo/redo history of one editor's value. */
export const useUndoable = <T>(initial: T): Undoable<T> => {
  const [history, setHistory] = useState<History<T>>({ past: [], present: initial, future: [] });
  const set = useCallback((next: T | ((current: T) => T)) => {
    setHistory((h) =>
      historyStep.set(h, typeof next === "function" ? (next as (current: T) => T)(h.present) : next),
    );
  }, []);
  const undo = useCallback(() => setHistory(historyStep.undo), []);
  const redo = useCallback(() => setHistory(historyStep.redo), []);
  const reset = useCallback((value: T) => setHistory({ past: [], present: value, future: [] }), []);
  return useMemo(
    () => ({
      value: history.present,
      set,
      undo,
      redo,
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
      reset,
    }),
    [history, set, undo, redo, reset],
  );
};
