import type { AppPage } from "@tessera/metadata";
import { useAppText } from "./app-texts.js";

const PAGE_KEYS: Readonly<Record<AppPage, "page.home" | "page.approvals" | "page.reports">> = {
  home: "page.home",
  approvals: "page.approvals",
  reports: "page.reports",
};

/** The name of a built-in page of the runtime, as a menu shows it. */
export const usePageLabel = () => {
  const t = useAppText();
  return (page: string): string => (Object.hasOwn(PAGE_KEYS, page) ? t(PAGE_KEYS[page as AppPage]) : page);
};
