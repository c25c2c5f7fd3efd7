import { useEffect } from "react";

const internalLink = (event: MouseEvent): URL | undefined => {
  if (event.defaultPrevented || event.button !== 0) return undefined;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const target = event.target instanceof Element ? event.target : null;
  const anchor = target?.closest("a[href]");
  if (!(anchor instanceof HTMLAnchorElement) || (anchor.target !== "" && anchor.target !== "_self")) {
    return undefined;
  }
  const url = new URL(anchor.href, window.location.href);
  return url.origin === window.location.origin ? url : undefined;
};

/**
 * While `dirty`, asks before the user leaves the page: closing or reloading the tab (the browser's
 * own prompt) and following a link inside the app (`confirmLeave`, which calls `leave` to go on).
 * The app uses a BrowserRouter, which cannot block navigation itself, so links are caught as they
 * are clicked, before the router sees the click.
 */
export const useLeaveGuard = (
  dirty: boolean,
  confirmLeave: (leave: () => void) => void,
  go: (path: string) => void,
): void => {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      const url = internalLink(event);
      if (url === undefined) return;
      event.preventDefault();
      event.stopPropagation();
      confirmLeave(() => go(`${url.pathname}${url.search}${url.hash}`));
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, confirmLeave, go]);
};
