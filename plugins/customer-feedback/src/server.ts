import type { TesseraPlugin } from "@tessera/engine";
import { feedbackBeforeSave } from "./feedback-before-save.js";
import { ratingFieldType } from "./rating-field-type.js";

/** The server entry (manifest `server`): the rating field type and the feedback hook. */
export const plugin: TesseraPlugin = {
  name: "customer-feedback",
  setup(api) {
    api.fieldType(ratingFieldType);
    api.beforeSave("feedback", feedbackBeforeSave);
  },
};
