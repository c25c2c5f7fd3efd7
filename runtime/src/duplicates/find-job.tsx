import { Alert, Button, Flex, Progress, Select, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../api/http.js";
import { useLocale } from "../i18n/locale-context.js";
import { ProblemAlert, problemLines } from "../imports/problem-alert.js";
import { usePolling } from "../imports/use-polling.js";
import {
  type DuplicateRuleInfo,
  type FindJob,
  isFinalJob,
  loadFindJob,
  startFindJob,
} from "./duplicate-api.js";
import { useDuplicateText } from "./duplicate-texts.js";

/** Not a rule name (those are camelCase), so "all rules" cannot collide with one. */
const ALL_RULES = "*all";

export interface FindJobPanelProps {
  object: string;
  rules: readonly DuplicateRuleInfo[];
  job: FindJob | undefined;
  onJob: (job: FindJob) => void;
}

/**
 * Starts a search for duplicates among the object's records (by one rule or all) and follows it:
 * DOM contract: the bar is `[data-testid=duplicates-progress]` with `aria-valuenow` = percent.
 */
export const FindJobPanel = ({ object, rules, job, onJob }: FindJobPanelProps) => {
  const t = useDuplicateText();
  const { label, locale } = useLocale();
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  const [rule, setRule] = useState(ALL_RULES);
  const [starting, setStarting] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();
  const [pollError, setPollError] = useState<unknown>();
  const running = job !== undefined && !isFinalJob(job);

  usePolling({
    active: running,
    load: (signal) => loadFindJob(job?.id ?? "", signal),
    onAnswer: (next) => {
      setPollError(undefined);
      onJob(next);
      return isFinalJob(next) ? "stop" : "continue";
    },
    onError: (error) => {
      setPollError(error);
      return error instanceof ApiError && (error.status === 404 || error.status === 403)
        ? "stop"
        : "continue";
    },
  });

  const start = async () => {
    setStarting(true);
    setRefusal(undefined);
    try {
      onJob(await startFindJob(object, rule === ALL_RULES ? undefined : rule));
    } catch (failure) {
      setRefusal(failure);
    } finally {
      setStarting(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Select<string>
          aria-label={t("find.rule")}
          value={rule}
          style={{ minWidth: 220 }}
          onChange={setRule}
          options={[
            { value: ALL_RULES, label: t("find.allRules") },
            ...rules.map((r) => ({ value: r.name, label: label(r.label, r.name) })),
          ]}
        />
        <Button type="primary" loading={starting} disabled={running} onClick={() => void start()}>
          {t("find.start")}
        </Button>
      </Flex>
      {refusal !== undefined && <ProblemAlert title={t("find.refused")} error={refusal} />}
      {job !== undefined && (
        <Flex vertical gap={4}>
          <Progress
            data-testid="duplicates-progress"
            aria-label={t("find.progress")}
            percent={Math.max(0, Math.min(100, Math.floor(job.progress.percent)))}
            status={job.status === "failed" ? "exception" : running ? "active" : "success"}
          />
          <Typography.Text type="secondary">
            {job.status === "completed"
              ? t("find.done", { groups: count(job.groups ?? 0), total: count(job.progress.total) })
              : job.status === "failed"
                ? t("find.failed")
                : t("find.running", {
                    processed: count(job.progress.processed),
                    total: count(job.progress.total),
                  })}
          </Typography.Text>
        </Flex>
      )}
      {pollError !== undefined && <Alert type="warning" showIcon title={problemLines(pollError).join(" ")} />}
    </Flex>
  );
};
