import type { Locale } from "@tessera/metadata";
import { useLocale } from "./locale-context.js";
import { format } from "./messages.js";

/**
 * Messages of one screen area in both languages; TypeScript refuses a Chinese table missing a key.
 * `const useListText = defineMessages({ "list.empty": "No records" }, { "list.empty": "暂无记录" })`,
 * then `const t = useListText(); t("list.empty")`.
 */
export const defineMessages = <K extends string>(en: Record<K, string>, zhCN: Record<K, string>) => {
  const tables: Record<Locale, Record<K, string>> = { en, "zh-CN": zhCN };
  return () => {
    const { locale } = useLocale();
    return (key: K, params?: Record<string, string | number>): string => format(tables[locale][key], params);
  };
};
