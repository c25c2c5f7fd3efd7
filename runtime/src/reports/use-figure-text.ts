import { usableTimeZone } from "@tessera/metadata";
import { useCallback } from "react";
import { useLocale } from "../i18n/locale-context.js";
import { formatMeasure } from "./measure-format.js";
import type { ResultMeasure } from "./report-api.js";

const browserTimeZone = usableTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);

/** Writes a measure's figure in the user's locale (datetimes in the browser's time zone). */
export const useFigureText = () => {
  const { locale } = useLocale();
  return useCallback(
    (value: number | string | null | undefined, measure: ResultMeasure) =>
      formatMeasure(value, measure, { locale, timeZone: browserTimeZone }),
    [locale],
  );
};
