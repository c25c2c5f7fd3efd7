import { formatDatetime, usableTimeZone } from "@tessera/metadata";
import { useCallback } from "react";
import { useLocale } from "../i18n/locale-context.js";

const browserTimeZone = usableTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);

/** Formats an instant (ISO text) in the user's locale and the browser's time zone. */
export const useDatetimeText = (): ((iso: string | undefined) => string) => {
  const { locale } = useLocale();
  return useCallback(
    (iso) => (iso === undefined ? "" : formatDatetime(iso, { locale, timeZone: browserTimeZone })),
    [locale],
  );
};
