import { Flex, Typography } from "antd";
import { useLocale } from "../i18n/locale-context.js";

export interface Count {
  /** The `data-count` name browser tests read (created, updated, failed...). */
  name: string;
  label: string;
  value: number;
  tone?: "success" | "danger" | "warning";
}

/**
 * Counts of an import side by side. DOM contract: each number is an element `[data-count=<name>]`
 * whose `data-value` is the plain integer and whose text is that number formatted in the user's locale.
 */
export const ImportCounts = ({ counts, label }: { counts: readonly Count[]; label: string }) => {
  const { locale } = useLocale();
  const number = new Intl.NumberFormat(locale);
  return (
    <Flex gap={32} wrap role="group" aria-label={label}>
      {counts.map((count) => (
        <Flex key={count.name} vertical>
          <Typography.Text type="secondary">{count.label}</Typography.Text>
          <Typography.Text
            strong
            style={{ fontSize: 24 }}
            {...(count.tone !== undefined && count.value > 0 && { type: count.tone })}
          >
            <span data-count={count.name} data-value={count.value}>
              {number.format(count.value)}
            </span>
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
};
