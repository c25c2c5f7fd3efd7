import type { PluginApi } from "@tessera/engine";

type FieldTypeDefinition = Parameters<PluginApi["fieldType"]>[0];

/** Lowest and highest number of stars. */
export const MIN_RATING = 1;
export const MAX_RATING = 5;

/**
 * Whole stars from 1 to 5, stored as a number (so list views filter and sort by it) and entered
 * with this package's star widget.
 */
export const ratingFieldType: FieldTypeDefinition = {
  name: "rating",
  label: { en: "Star rating", "zh-CN": "星级评分" },
  base: "number",
  valueSchema: { type: "integer", minimum: MIN_RATING, maximum: MAX_RATING },
  uiSchema: { "ui:widget": "customer-feedback.stars" },
};
