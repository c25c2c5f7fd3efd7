import type { FormMode, Layout, Locale, ObjectDefinition } from "@tessera/metadata";
import {
  LocaleProvider,
  RecordPreview,
  sampleRecord,
  useLocale,
  usePreviewSampleTexts,
} from "@tessera/runtime";
import { Segmented, Space, Tag, Typography } from "antd";
import { memo, useDeferredValue, useMemo, useState } from "react";
import { useLayoutText } from "./layouts-texts.js";

interface Props {
  object: ObjectDefinition;
  layout: Layout;
  objects: readonly ObjectDefinition[];
}

const LANGUAGES: ReadonlyArray<{ value: Locale; label: string }> = [
  { value: "en", label: "English" },
  { value: "zh-CN", label: "简体中文" },
];

/** The preview in its own language: sample values and labels follow the preview's locale. */
const LocalizedPreview = memo(({ object, layout, objects, mode }: Props & { mode: FormMode }) => {
  const { label } = useLocale();
  const texts = usePreviewSampleTexts();
  const values = useMemo(
    () => sampleRecord(object, texts, (name) => label(objects.find((o) => o.name === name)?.label, name)),
    [object, objects, texts, label],
  );
  return (
    <RecordPreview
      // The form keeps what was typed in while the layout changes; a new mode starts afresh.
      key={mode}
      object={object}
      layouts={layout}
      mode={mode}
      values={values}
      relatedObjects={objects}
    />
  );
});

/**
 * The live preview: the unsaved layout rendered by the runtime's own form and record page, in
 * create, edit or read mode, in English or Chinese whatever the designer's own language.
 */
export const LayoutPreviewPane = ({ object, layout, objects }: Props) => {
  const t = useLayoutText();
  const { locale } = useLocale();
  const [mode, setMode] = useState<FormMode>("create");
  const [language, setLanguage] = useState<Locale>(locale);
  // Typing in the canvas must not wait for the preview: React renders it when the canvas is done.
  const shown = useDeferredValue(layout);
  return (
    <section className="layout-pane layout-preview" aria-label={t("preview.title")}>
      <div className="layout-preview-head">
        <Typography.Title level={5}>{t("preview.title")}</Typography.Title>
        <Space wrap>
          <Segmented<FormMode>
            aria-label={t("preview.mode")}
            value={mode}
            onChange={setMode}
            options={[
              { value: "create", label: t("preview.create") },
              { value: "edit", label: t("preview.edit") },
              { value: "read", label: t("preview.read") },
            ]}
          />
          <Segmented<Locale>
            aria-label={t("preview.language")}
            value={language}
            onChange={setLanguage}
            options={LANGUAGES.map((l) => ({ ...l }))}
          />
          {mode !== "create" && <Tag color="blue">{t("preview.sampleData")}</Tag>}
        </Space>
      </div>
      <Typography.Paragraph type="secondary" className="layout-hint">
        {mode === "create" ? t("preview.unsaved") : t("preview.sampleHelp")}
      </Typography.Paragraph>
      <div className="layout-preview-body" lang={language}>
        <LocaleProvider key={language} initial={language}>
          <LocalizedPreview object={object} layout={shown} objects={objects} mode={mode} />
        </LocaleProvider>
      </div>
    </section>
  );
};
