import { App, Flex, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import type { ObjectUi } from "../api/types.js";
import { LoadError, Loading } from "../common/page-state.js";
import { useObjectUi } from "../data/object-ui.js";
import { useLocale } from "../i18n/locale-context.js";
import { type DuplicateGroup, type DuplicateRuleInfo, type FindJob, loadFindJob } from "./duplicate-api.js";
import { DuplicateGroups } from "./duplicate-groups.js";
import { useDuplicateText } from "./duplicate-texts.js";
import { FindJobPanel } from "./find-job.js";
import { MergeDialog } from "./merge-dialog.js";
import { MergeHistory } from "./merge-history.js";

/** The object's duplicate rules, when the object UI lists them (else the search runs every rule). */
const rulesOf = (ui: ObjectUi): DuplicateRuleInfo[] => {
  const rules = ui.duplicateRules;
  return Array.isArray(rules)
    ? rules.filter(
        (r): r is DuplicateRuleInfo =>
          typeof r === "object" && r !== null && typeof (r as DuplicateRuleInfo).name === "string",
      )
    : [];
};

/**
 * Duplicates of one object: find them (a job with progress), review the groups found, merge a
 * group choosing the value kept per field, and undo a merge from the history. The job's id is kept
 * in the URL (`?job=`), so a reload comes back to its groups.
 */
export const DuplicatesScreen = ({ ui }: { ui: ObjectUi }) => {
  const t = useDuplicateText();
  const { label } = useLocale();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const jobId = params.get("job") ?? undefined;
  const [job, setJob] = useState<FindJob>();
  const [jobError, setJobError] = useState<unknown>();
  const [merging, setMerging] = useState<DuplicateGroup>();
  const [round, setRound] = useState(0);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const object = ui.object.name;
  const plural = label(ui.object.pluralLabel ?? ui.object.label, object);
  const rules = rulesOf(ui);
  const canMerge = ui.permissions.edit && ui.permissions.delete;

  // A job named in the URL that the page does not hold yet (a reload, a link) is read once.
  useEffect(() => {
    setJobError(undefined);
    if (jobId === undefined || job?.id === jobId) return;
    const controller = new AbortController();
    loadFindJob(jobId, controller.signal).then(
      (loaded) => {
        if (!controller.signal.aborted) setJob(loaded);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setJobError(error);
      },
    );
    return () => controller.abort();
  }, [jobId, job?.id]);

  const showJob = (next: FindJob) => {
    setJob(next);
    if (next.id !== jobId) setParams({ job: next.id });
  };

  return (
    <Flex vertical gap={24}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t("page.title", { plural })}
        </Typography.Title>
        <Link to={`/o/${encodeURIComponent(object)}`}>{t("page.backToList", { plural })}</Link>
      </Flex>
      <FindJobPanel object={object} rules={rules} job={job} onJob={showJob} />
      {jobError !== undefined && <LoadError error={jobError} />}
      {job?.status === "completed" && (
        <section aria-labelledby="duplicate-groups">
          <Typography.Title level={3} id="duplicate-groups">
            {t("groups.title")}
          </Typography.Title>
          <DuplicateGroups
            object={object}
            jobId={job.id}
            rules={rules}
            round={round}
            canMerge={canMerge}
            onMerge={setMerging}
          />
        </section>
      )}
      <section aria-labelledby="merge-history">
        <Typography.Title level={3} id="merge-history">
          {t("history.title")}
        </Typography.Title>
        <MergeHistory object={object} round={round} names={names} onUndone={() => setRound((r) => r + 1)} />
      </section>
      {merging !== undefined && (
        <MergeDialog
          ui={ui}
          group={merging}
          onCancel={() => setMerging(undefined)}
          onMerged={() => {
            setNames((known) => new Map([...known, ...merging.records.map((r) => [r.id, r.name] as const)]));
            setMerging(undefined);
            setRound((r) => r + 1);
            message.success(t("merge.done"));
          }}
        />
      )}
    </Flex>
  );
};

/**
 * `/o/:object/duplicates`: open to whoever may read the object (the server decides what a search
 * shows them); merging needs edit and delete permission.
 */
export const DuplicatesPage = () => {
  const { object = "" } = useParams();
  const ui = useObjectUi(object);
  if (ui.error !== undefined) return <LoadError error={ui.error} onRetry={ui.reload} />;
  if (ui.data === undefined || ui.data.object.name !== object) return <Loading />;
  return <DuplicatesScreen key={object} ui={ui.data} />;
};
