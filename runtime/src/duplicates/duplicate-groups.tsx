import { Button, Card, Empty, Flex, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { LoadError, Loading } from "../common/page-state.js";
import { useAsync } from "../data/use-async.js";
import { useLocale } from "../i18n/locale-context.js";
import { useCursorStack } from "../lists/cursor-stack.js";
import { type DuplicateGroup, type DuplicateRuleInfo, loadGroups } from "./duplicate-api.js";
import { useDuplicateText } from "./duplicate-texts.js";

export const GROUPS_PER_PAGE = 20;

export interface DuplicateGroupsProps {
  object: string;
  jobId: string;
  rules: readonly DuplicateRuleInfo[];
  /** Changes after a merge, so the page is read again without the merged records. */
  round: number;
  canMerge: boolean;
  onMerge: (group: DuplicateGroup) => void;
}

/** The groups a search found, a page at a time, each with its records and a Merge button. */
export const DuplicateGroups = ({ object, jobId, rules, round, canMerge, onMerge }: DuplicateGroupsProps) => {
  const t = useDuplicateText();
  const { label, locale } = useLocale();
  const pages = useCursorStack(jobId);
  const page = useAsync(
    (signal) => loadGroups(jobId, GROUPS_PER_PAGE, pages.cursor, signal),
    [jobId, pages.cursor, round],
  );
  if (page.error !== undefined) return <LoadError error={page.error} onRetry={page.reload} />;
  if (page.data === undefined) return <Loading />;
  const { groups, nextCursor } = page.data;
  const ruleLabel = (name: string) => {
    const rule = rules.find((r) => r.name === name);
    return rule === undefined ? name : label(rule.label, name);
  };
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return (
    <Flex vertical gap={12}>
      {groups.length === 0 && pages.pageIndex === 0 ? (
        <Empty description={t("groups.none")} />
      ) : (
        groups.map((group) => (
          <Card
            key={group.id}
            size="small"
            data-group={group.id}
            title={
              <Flex gap={8} align="center" wrap>
                <span>{ruleLabel(group.rule)}</span>
                <Tag>{t("groups.score", { score: percent.format(group.score) })}</Tag>
              </Flex>
            }
            extra={
              <Button
                size="small"
                type="primary"
                disabled={!canMerge}
                aria-label={t("groups.mergeGroup", { names: group.records.map((r) => r.name).join(", ") })}
                onClick={() => onMerge(group)}
              >
                {t("groups.merge")}
              </Button>
            }
          >
            <Flex gap={16} wrap>
              {group.records.map((record) => (
                <Link
                  key={record.id}
                  to={`/o/${encodeURIComponent(object)}/${encodeURIComponent(record.id)}`}
                >
                  {record.name}
                </Link>
              ))}
            </Flex>
          </Card>
        ))
      )}
      {(pages.pageIndex > 0 || nextCursor !== null) && (
        <Flex gap={8} justify="flex-end" align="center">
          <Typography.Text type="secondary">
            {t("groups.page", { page: pages.pageIndex + 1 })}
          </Typography.Text>
          <Button disabled={pages.pageIndex === 0} onClick={pages.previous}>
            {t("groups.previous")}
          </Button>
          <Button
            disabled={nextCursor === null}
            onClick={() => nextCursor !== null && pages.next(nextCursor)}
          >
            {t("groups.next")}
          </Button>
        </Flex>
      )}
    </Flex>
  );
};
