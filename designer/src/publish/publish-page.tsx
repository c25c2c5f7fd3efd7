import { isMetadataKind, type LocalizedText } from "@tessera/metadata";
import { ApiError, useLocale, useSession } from "@tessera/runtime";
import { Alert, App, Button, Modal, Space, Spin, Typography } from "antd";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import {
  type DraftPreview,
  discardDraft,
  type Impact,
  listVersions,
  previewDraft,
  publishDraft,
  type VersionSummary,
} from "../draft/draft-api.js";
import { useDraft } from "../draft/draft-context.js";
import { ChangeList } from "./change-list.js";
import { editorPath } from "./editor-path.js";
import { ForcePublishModal } from "./force-publish-modal.js";
import { ImpactTable } from "./impact-table.js";
import { ProblemList } from "./problem-list.js";
import { usePublishText } from "./publish-texts.js";
import { VersionHistory } from "./version-history.js";
import "./publish.css";

type Assessment =
  | { state: "loading" }
  | { state: "failed"; reason: string }
  | { state: "ready"; preview: DraftPreview };

interface Outcome {
  type: "success" | "info" | "warning" | "error";
  title: string;
  description?: ReactNode;
}

const reason = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/**
 * Draft and publish: what publishing would change (documents and fields), the problems that stop
 * it, its impact on existing records, publish (asking before data is lost), discard, and the
 * history of published versions with a diff per document.
 */
export const PublishPage = () => {
  const t = usePublishText();
  const { label } = useLocale();
  const { message } = App.useApp();
  const session = useSession();
  const draft = useDraft();
  const [assessment, setAssessment] = useState<Assessment>({ state: "loading" });
  const [versions, setVersions] = useState<readonly VersionSummary[]>([]);
  const [outcome, setOutcome] = useState<Outcome>();
  const [forceImpact, setForceImpact] = useState<readonly Impact[]>();
  const [publishing, setPublishing] = useState(false);
  const [discardOpen, setDiscardOpen] = useState(false);
  const [discarding, setDiscarding] = useState(false);

  const assess = useCallback(async () => {
    setAssessment({ state: "loading" });
    const [preview, list] = await Promise.allSettled([previewDraft(), listVersions()]);
    setAssessment(
      preview.status === "fulfilled"
        ? { state: "ready", preview: preview.value }
        : { state: "failed", reason: reason(preview.reason) },
    );
    if (list.status === "fulfilled") setVersions(list.value);
  }, []);
  useEffect(() => {
    void assess();
  }, [assess]);

  const linkTo = (kind: string, name: string) => editorPath(kind, name, (k, n) => draft.find(k, n)?.object);
  const linkToDrafted = (kind: string, name: string) =>
    isMetadataKind(kind) && draft.find(kind, name) !== undefined ? linkTo(kind, name) : undefined;
  const fieldLabel = (object: string, field: string) => {
    const found = draft.find("object", object)?.fields.find((f) => f.name === field);
    return found === undefined ? field : label(found.label as LocalizedText, field);
  };

  const publish = async (force: boolean) => {
    setPublishing(true);
    try {
      const result = await publishDraft(force);
      setForceImpact(undefined);
      const done = t("publish.done", { version: result.version });
      setOutcome({
        type: "success",
        title: done,
        ...(result.migratedRecords > 0 && {
          description: t("publish.migrated", { count: result.migratedRecords }),
        }),
      });
      void message.success(done);
      // The runtime's bootstrap describes the published metadata: refresh it, and the draft too.
      await Promise.allSettled([session.refresh(), draft.reload()]);
      await assess();
    } catch (failure) {
      await refused(failure);
    } finally {
      setPublishing(false);
    }
  };

  const refused = async (failure: unknown) => {
    if (failure instanceof ApiError && failure.code === "publish.destructive") {
      setForceImpact((failure.body?.impact ?? []) as Impact[]);
      return;
    }
    setForceImpact(undefined);
    if (failure instanceof ApiError && failure.code === "publish.blocked") {
      const impact = (failure.body?.impact ?? []) as Impact[];
      setOutcome({
        type: "error",
        title: t("publish.blocked"),
        description: (
          <>
            <Typography.Paragraph>{t("publish.blockedHelp")}</Typography.Paragraph>
            {impact.length > 0 ? <ImpactTable impact={impact} /> : failure.title}
          </>
        ),
      });
    } else if (failure instanceof ApiError && failure.code === "publish.noChanges")
      setOutcome({ type: "info", title: t("publish.noChanges") });
    else if (failure instanceof ApiError && failure.code === "publish.concurrent")
      setOutcome({ type: "warning", title: t("publish.concurrent") });
    else if (failure instanceof ApiError && failure.status === 422)
      setOutcome({ type: "error", title: t("publish.invalid") });
    else setOutcome({ type: "error", title: t("publish.failed", { reason: reason(failure) }) });
    // Whatever the engine refused, the screen shows the draft as it now stands.
    await assess();
  };

  const discard = async () => {
    setDiscarding(true);
    try {
      await discardDraft();
      setDiscardOpen(false);
      setOutcome({ type: "success", title: t("discard.done") });
      void message.success(t("discard.done"));
      await draft.reload();
      await assess();
    } catch (failure) {
      setDiscardOpen(false);
      setOutcome({
        type: "error",
        title:
          failure instanceof ApiError && failure.status === 409
            ? t("discard.nothingPublished")
            : t("discard.failed", { reason: reason(failure) }),
      });
    } finally {
      setDiscarding(false);
    }
  };

  const preview = assessment.state === "ready" ? assessment.preview : undefined;
  const problems = preview?.issues ?? [];
  const changes = preview?.changes ?? [];
  const impact = preview?.impact ?? [];
  const disabledReason =
    preview === undefined
      ? undefined
      : problems.length > 0
        ? t("publish.disabledProblems")
        : changes.length === 0
          ? t("publish.disabledNoChanges")
          : undefined;

  return (
    <div className="publish-page">
      <Typography.Title level={3}>{t("page.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("page.intro")}</Typography.Paragraph>
      <Space wrap className="publish-actions">
        <Button
          type="primary"
          disabled={preview === undefined || disabledReason !== undefined}
          loading={publishing && forceImpact === undefined}
          onClick={() => void publish(false)}
        >
          {t("publish.button")}
        </Button>
        <Button danger onClick={() => setDiscardOpen(true)}>
          {t("discard.button")}
        </Button>
        <Button onClick={() => void assess()}>{t("page.refresh")}</Button>
        {disabledReason !== undefined && <Typography.Text type="secondary">{disabledReason}</Typography.Text>}
      </Space>
      {outcome !== undefined && (
        <Alert
          className="publish-outcome"
          type={outcome.type}
          showIcon
          closable
          onClose={() => setOutcome(undefined)}
          title={outcome.title}
          description={outcome.description}
        />
      )}

      {assessment.state === "loading" && <Spin />}
      {assessment.state === "failed" && (
        <Alert
          type="error"
          showIcon
          title={t("page.loadFailed", { reason: assessment.reason })}
          action={<Button onClick={() => void assess()}>{t("page.retry")}</Button>}
        />
      )}
      {preview !== undefined && (
        <>
          {problems.length > 0 && (
            <section className="publish-section">
              <Typography.Title level={4}>{t("problems.title")}</Typography.Title>
              <Alert
                type="error"
                showIcon
                title={t("problems.intro")}
                description={<ProblemList issues={problems} linkTo={linkTo} />}
              />
            </section>
          )}
          <section className="publish-section">
            <Typography.Title level={4}>{t("changes.title")}</Typography.Title>
            {changes.length === 0 ? (
              <Typography.Paragraph>{t("changes.none")}</Typography.Paragraph>
            ) : (
              <>
                <Typography.Paragraph type="secondary">
                  {t("changes.count", { count: changes.length })}
                </Typography.Paragraph>
                <ChangeList changes={changes} fieldLabel={fieldLabel} linkTo={linkToDrafted} />
              </>
            )}
            {problems.length > 0 && (
              <Typography.Paragraph type="secondary">{t("changes.flawedNote")}</Typography.Paragraph>
            )}
          </section>
          <section className="publish-section">
            <Typography.Title level={4}>{t("impact.title")}</Typography.Title>
            {impact.some((i) => i.severity === "blocking") && (
              <Alert type="error" showIcon title={t("impact.blockingNote")} />
            )}
            {impact.length === 0 ? (
              <Typography.Paragraph>{t("impact.none")}</Typography.Paragraph>
            ) : (
              <ImpactTable impact={impact} />
            )}
          </section>
        </>
      )}
      <section className="publish-section">
        <Typography.Title level={4}>{t("history.title")}</Typography.Title>
        <VersionHistory versions={versions} />
      </section>

      <ForcePublishModal
        impact={forceImpact}
        publishing={publishing}
        onCancel={() => setForceImpact(undefined)}
        onConfirm={() => void publish(true)}
      />
      <Modal
        open={discardOpen}
        title={t("discard.title")}
        onCancel={() => setDiscardOpen(false)}
        onOk={() => void discard()}
        okText={t("discard.confirm")}
        cancelText={t("discard.cancel")}
        okButtonProps={{ danger: true, loading: discarding }}
      >
        <Typography.Paragraph>{t("discard.text")}</Typography.Paragraph>
      </Modal>
    </div>
  );
};
