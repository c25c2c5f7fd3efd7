import type { Locale, LocalizedText } from "@tessera/metadata";
import { localize } from "@tessera/metadata";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { format, MESSAGES, type MessageKey } from "./messages.js";

const LOCALE_KEY = "tessera.locale";

export interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** A chrome text in the current locale. */
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** A metadata label in the current locale (English when it has no translation). */
  label: (text: LocalizedText | undefined, fallback?: string) => string;
}

const LocaleContext = createContext<LocaleState | undefined>(undefined);

export const storedLocale = (): Locale => (localStorage.getItem(LOCALE_KEY) === "zh-CN" ? "zh-CN" : "en");

export const LocaleProvider = ({ children, initial }: { children: ReactNode; initial?: Locale }) => {
  const [locale, setState] = useState<Locale>(initial ?? storedLocale());
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(LOCALE_KEY, next);
    document.documentElement.lang = next;
    setState(next);
  }, []);
  const value = useMemo<LocaleState>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => format(MESSAGES[locale][key], params),
      label: (text, fallback = "") => localize(text, locale) ?? fallback,
    }),
    [locale, setLocale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
};

export const useLocale = (): LocaleState => {
  const state = useContext(LocaleContext);
  if (state === undefined) throw new Error("useLocale outside LocaleProvider");
  return state;
};
