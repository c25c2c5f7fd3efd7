import { Flex, Steps, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { ObjectUi } from "../api/types.js";
import { LoadError, Loading } from "../common/page-state.js";
import { useLocale } from "../i18n/locale-context.js";
import { type ImportStatus, type ImportView, loadImport } from "./import-api.js";
import { useImportText } from "./import-texts.js";
import { allowedModes, draftOf, type MappingDraft } from "./mapping-draft.js";
import { MappingStep } from "./mapping-step.js";
import { PreviewStep } from "./preview-step.js";
import { ResultStep } from "./result-step.js";
import { RunStep } from "./run-step.js";
import { ImportStatusTag, UploadStep } from "./upload-step.js";

const STEPS = ["upload", "map", "preview", "run", "result"] as const;
type Step = (typeof STEPS)[number];

/** Where an import the user comes back to (a reload, a link) continues. */
const stepOf = (status: ImportStatus): Step => {
  switch (status) {
    case "uploaded":
      return "map";
    case "mapped":
      return "preview";
    case "running":
      return "run";
    default:
      return "result";
  }
};

/**
 * The import wizard of one object: upload, map, preview and dry run, run, result. The import's id
 * is kept in the URL (`?id=`), so a reload or a link comes back to it where it is.
 * DOM contract: the wizard's section carries `data-import-status` (the import's status, absent
 * before an upload).
 */
export const ImportWizard = ({ ui }: { ui: ObjectUi }) => {
  const t = useImportText();
  const { label } = useLocale();
  const [params, setParams] = useSearchParams();
  const id = params.get("id") ?? undefined;
  const [view, setView] = useState<ImportView>();
  const [draft, setDraft] = useState<MappingDraft>();
  const [step, setStep] = useState<Step>("upload");
  const [loadError, setLoadError] = useState<unknown>();
  const shownId = useRef<string | undefined>(undefined);

  const open = (next: ImportView) => {
    shownId.current = next.id;
    setView(next);
    setDraft(draftOf(next, allowedModes(ui.permissions)[0]));
    setStep(stepOf(next.status));
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the URL's id loads an import
  useEffect(() => {
    setLoadError(undefined);
    if (id === undefined) {
      shownId.current = undefined;
      setView(undefined);
      setDraft(undefined);
      setStep("upload");
      return;
    }
    if (shownId.current === id) return;
    const controller = new AbortController();
    loadImport(id, controller.signal).then(
      (loaded) => {
        if (!controller.signal.aborted) open(loaded);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadError(error);
      },
    );
    return () => controller.abort();
  }, [id]);

  const startOver = () => setParams({});
  const plural = label(ui.object.pluralLabel ?? ui.object.label, ui.object.name);
  const content = () => {
    if (loadError !== undefined) return <LoadError error={loadError} />;
    if (step === "upload" || view === undefined || draft === undefined) {
      if (id !== undefined) return <Loading />;
      return (
        <UploadStep
          object={ui.object.name}
          onUploaded={(uploaded) => {
            open(uploaded);
            setParams({ id: uploaded.id });
          }}
        />
      );
    }
    switch (step) {
      case "map":
        return (
          <MappingStep
            ui={ui}
            view={view}
            draft={draft}
            onDraft={setDraft}
            onSaved={(saved) => {
              setView(saved);
              setStep("preview");
            }}
            onStartOver={startOver}
          />
        );
      case "preview":
        return (
          <PreviewStep
            ui={ui}
            view={view}
            draft={draft}
            onView={setView}
            onBack={() => setStep("map")}
            onStarted={(started) => {
              setView(started);
              setStep(stepOf(started.status));
            }}
          />
        );
      case "run":
        return (
          <RunStep
            view={view}
            onView={setView}
            onFinished={(finished) => {
              setView(finished);
              setStep("result");
            }}
          />
        );
      case "result":
        return <ResultStep ui={ui} view={view} onStartOver={startOver} />;
    }
  };

  return (
    <section aria-labelledby="import-title" data-import-status={view?.status}>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={2} id="import-title" style={{ margin: 0 }}>
            {t("wizard.title", { plural })}
          </Typography.Title>
          <Flex gap={12} align="center">
            {view !== undefined && <ImportStatusTag status={view.status} />}
            <Link to={`/o/${encodeURIComponent(ui.object.name)}`}>{t("wizard.backToList", { plural })}</Link>
          </Flex>
        </Flex>
        <Steps
          current={STEPS.indexOf(step)}
          size="small"
          items={STEPS.map((name) => ({ title: t(`step.${name}`) }))}
        />
        {content()}
      </Flex>
    </section>
  );
};
