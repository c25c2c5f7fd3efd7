import { useCallback, useState } from "react";

/**
 * Where a list is in its pages: the cursor of the current page (undefined on the first) and the
 * cursors of the pages before it, so Previous can go back although the API only gives `nextCursor`.
 */
export interface CursorStack {
  current: string | undefined;
  previous: ReadonlyArray<string | undefined>;
}

export const FIRST_PAGE: CursorStack = { current: undefined, previous: [] };

export const nextPage = (stack: CursorStack, cursor: string): CursorStack => ({
  current: cursor,
  previous: [...stack.previous, stack.current],
});

export const previousPage = (stack: CursorStack): CursorStack =>
  stack.previous.length === 0
    ? FIRST_PAGE
    : { current: stack.previous.at(-1), previous: stack.previous.slice(0, -1) };

/** A cursor stack that starts again from the first page whenever `resetKey` changes. */
export const useCursorStack = (resetKey: string) => {
  const [state, setState] = useState({ key: resetKey, stack: FIRST_PAGE });
  // Another list: forget the old one's pages now, so going back to it starts at its first page too.
  if (state.key !== resetKey) setState({ key: resetKey, stack: FIRST_PAGE });
  const stack = state.key === resetKey ? state.stack : FIRST_PAGE;
  const update = useCallback(
    (change: (stack: CursorStack) => CursorStack) =>
      setState((s) => ({ key: resetKey, stack: change(s.key === resetKey ? s.stack : FIRST_PAGE) })),
    [resetKey],
  );
  return {
    cursor: stack.current,
    /** 0 on the first page. */
    pageIndex: stack.previous.length,
    next: useCallback((cursor: string) => update((s) => nextPage(s, cursor)), [update]),
    previous: useCallback(() => update(previousPage), [update]),
  };
};
