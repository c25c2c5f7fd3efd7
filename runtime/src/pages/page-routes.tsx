import type { ReactElement } from "react";

/** The pages inside the shell, by path (the list, record, form, search, inbox and notification pages). */
export const PAGE_ROUTES: ReadonlyArray<{ path: string; element: ReactElement }> = [];
