import { useMemo } from "react";
import { defineMessages } from "../i18n/define-messages.js";
import { useLocale } from "../i18n/locale-context.js";
import type { SampleTexts } from "./sample-record.js";

/** Texts of the record preview the designer shows (the runtime's own screens never show them). */
export const usePreviewText = defineMessages(
  {
    "preview.notice": "Preview: nothing entered here is saved.",
    "preview.valid": "The form is valid. A preview saves nothing.",
    "preview.lookupNotSearched": "Lookups are not searched in the preview",
    "preview.sampleText": "Sample text",
    "preview.sampleLongText": "First line\nSecond line",
    "preview.sampleRecord": "Sample {object}",
    "preview.sampleUser": "Sample user",
    "preview.relatedPreview": "Records of the related list are shown in the app.",
  },
  {
    "preview.notice": "预览：此处输入的内容不会保存。",
    "preview.valid": "表单有效。预览不会保存任何内容。",
    "preview.lookupNotSearched": "预览中不搜索查找字段",
    "preview.sampleText": "示例文本",
    "preview.sampleLongText": "第一行\n第二行",
    "preview.sampleRecord": "示例{object}",
    "preview.sampleUser": "示例用户",
    "preview.relatedPreview": "相关列表的记录在应用中显示。",
  },
);

/** The sample record's texts in the current language (see sampleRecord). */
export const usePreviewSampleTexts = (): SampleTexts => {
  const t = usePreviewText();
  const { locale } = useLocale();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the locale only
  return useMemo(
    () => ({
      text: t("preview.sampleText"),
      longText: t("preview.sampleLongText"),
      record: (objectLabel: string) => t("preview.sampleRecord", { object: objectLabel }),
      user: t("preview.sampleUser"),
    }),
    [locale],
  );
};
