import type { LocalizedText, SharingModel } from "@tessera/metadata";
import { ApiError, type ProblemDetail, useLocale } from "@tessera/runtime";
import { Alert, App, Form, Input, Modal, Radio, Select, Space } from "antd";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useDraft } from "../draft/draft-context.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { nameFromLabel } from "../editing/name-from-label.js";
import { apiNameProblem } from "../fields/field-name.js";
import { appendToNavigation, buildNewObject, pluralOf } from "./new-object.js";
import { useObjectsText } from "./objects-texts.js";
import { SharingModelChoices } from "./sharing-model-choices.js";

const NEW_OBJECT_MODELS: readonly SharingModel[] = ["private", "publicRead", "publicReadWrite"];
const NO_APP = "";

/** Form.Item props for a problem (the engine's at `pointer` first, else a live check). */
const problem = (problems: readonly ProblemDetail[], pointer: string, live?: string) => {
  const message =
    problems.find((p) => p.path === pointer || p.path.startsWith(`${pointer}/`))?.message ?? live;
  return message === undefined ? {} : { validateStatus: "error" as const, help: message };
};

/**
 * Creating an object: labels in both languages, an API name derived from the English label until
 * the admin edits it (checked as they type), who sees the records, how records are named, and the
 * app whose navigation shows it to end users. Saves the object (and the app) to the draft, then
 * opens the object.
 */
export const NewObjectModal = ({ onClose }: { onClose: () => void }) => {
  const t = useObjectsText();
  const { label: localized } = useLocale();
  const draft = useDraft();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const apps = useMemo(() => draft.ofKind("app"), [draft]);
  const taken = useMemo(() => new Set(draft.ofKind("object").map((o) => o.name)), [draft]);

  const [label, setLabel] = useState<LocalizedText>({ en: "" });
  const [plural, setPlural] = useState<LocalizedText | undefined>();
  const [typedName, setTypedName] = useState<string | undefined>();
  const [sharingModel, setSharingModel] = useState<SharingModel>("private");
  const [autoNumber, setAutoNumber] = useState(false);
  const [format, setFormat] = useState("{0000}");
  const [app, setApp] = useState<string>(apps[0]?.name ?? NO_APP);
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<readonly ProblemDetail[]>([]);
  const [failure, setFailure] = useState<string>();

  const name = typedName ?? nameFromLabel(label.en, "");
  const pluralLabel = plural ?? pluralOf(label);
  const nameProblem = apiNameProblem(name, taken);
  const liveName =
    nameProblem === undefined || (nameProblem === "empty" && !attempted)
      ? undefined
      : t(`name.${nameProblem}`, { name });
  const labelMissing = attempted && label.en.trim() === "" ? t("new.labelMissing") : undefined;
  const pluralMissing = attempted && pluralLabel.en.trim() === "" ? t("new.pluralMissing") : undefined;
  const formatMissing =
    attempted && autoNumber && !/\{0+\}/.test(format) ? t("new.formatMissing") : undefined;

  const create = async () => {
    setAttempted(true);
    if (
      nameProblem !== undefined ||
      label.en.trim() === "" ||
      pluralLabel.en.trim() === "" ||
      (autoNumber && !/\{0+\}/.test(format))
    )
      return;
    const object = buildNewObject({
      name,
      label,
      pluralLabel,
      sharingModel,
      recordName: autoNumber ? { type: "autoNumber", format } : { type: "text" },
    });
    setSaving(true);
    setFailure(undefined);
    try {
      await draft.save("object", name, object);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.errors.length > 0) setProblems(error.errors);
      else setFailure(error instanceof ApiError ? error.title : String(error));
      return;
    }
    const target = apps.find((a) => a.name === app);
    if (target !== undefined) {
      try {
        await draft.save("app", target.name, appendToNavigation(target, name));
      } catch (error) {
        void message.warning(
          t("new.appFailed", { reason: error instanceof Error ? error.message : String(error) }),
        );
      }
    }
    setSaving(false);
    onClose();
    navigate(`/objects/${name}`);
  };

  return (
    <Modal
      open
      title={t("new.title")}
      okText={t("new.create")}
      cancelText={t("new.cancel")}
      confirmLoading={saving}
      onOk={() => void create()}
      onCancel={onClose}
      width={640}
    >
      <Form layout="vertical">
        {failure !== undefined && (
          <Alert type="error" showIcon title={t("new.failed")} description={failure} />
        )}
        <Form.Item label={t("new.label")} required {...problem(problems, "/label", labelMissing)}>
          <LocalizedTextInput label={t("new.label")} value={label} onChange={setLabel} />
        </Form.Item>
        <Form.Item
          label={t("new.pluralLabel")}
          required
          {...problem(problems, "/pluralLabel", pluralMissing)}
        >
          <LocalizedTextInput label={t("new.pluralLabel")} value={pluralLabel} onChange={setPlural} />
        </Form.Item>
        <Form.Item
          label={t("new.name")}
          htmlFor="new-object-name"
          required
          extra={t("new.nameHelp")}
          {...problem(problems, "/name", liveName)}
        >
          <Input id="new-object-name" value={name} onChange={(e) => setTypedName(e.target.value.trim())} />
        </Form.Item>
        <Form.Item label={t("new.sharing")} {...problem(problems, "/sharingModel")}>
          <SharingModelChoices
            label={t("new.sharing")}
            value={sharingModel}
            onChange={setSharingModel}
            models={NEW_OBJECT_MODELS}
          />
        </Form.Item>
        <Form.Item label={t("new.recordName")} {...problem(problems, "/fields/0/type")}>
          <Radio.Group
            aria-label={t("new.recordName")}
            value={autoNumber ? "autoNumber" : "text"}
            onChange={(e) => setAutoNumber(e.target.value === "autoNumber")}
          >
            <Space orientation="vertical">
              <Radio value="text">{t("new.recordNameText")}</Radio>
              <Radio value="autoNumber">{t("new.recordNameAuto")}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {autoNumber && (
          <Form.Item
            label={t("new.format")}
            htmlFor="new-object-format"
            extra={t("new.formatHelp")}
            {...problem(problems, "/fields/0/format", formatMissing)}
          >
            <Input id="new-object-format" value={format} onChange={(e) => setFormat(e.target.value)} />
          </Form.Item>
        )}
        {apps.length > 0 && (
          <Form.Item label={t("new.app")} htmlFor="new-object-app">
            <Select
              id="new-object-app"
              aria-label={t("new.app")}
              value={app}
              onChange={setApp}
              options={[
                ...apps.map((a) => ({ value: a.name, label: localized(a.label, a.name) })),
                { value: NO_APP, label: t("new.noApp") },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};
