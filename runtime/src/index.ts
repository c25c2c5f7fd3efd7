// What the designer reuses from the runtime: the API client and session, the locale, and the
// renderers its live preview draws with, so an admin previews exactly what end users will see.
export { ApiError, api, get, type ProblemDetail, session } from "./api/http.js";
export type { Bootstrap, ObjectUi } from "./api/types.js";
export { useControlText } from "./common/control-texts.js";
export { formLayout } from "./form/default-layout.js";
export { createFormValidator, type DescribeProblem } from "./form/form-validator.js";
export { RecordForm, type RecordFormProps } from "./form/record-form.js";
export { defaultValuesOf, type FormValues } from "./form/record-values.js";
export { useLeaveGuard } from "./form/use-leave-guard.js";
export { defineMessages } from "./i18n/define-messages.js";
export { LocaleProvider, useLocale } from "./i18n/locale-context.js";
export { type ValueInput, valueInputOf } from "./lists/filter-fields.js";
export { usePreviewSampleTexts } from "./preview/preview-texts.js";
export { RecordPreview, type RecordPreviewProps } from "./preview/record-preview.js";
export { type SampleTexts, sampleRecord } from "./preview/sample-record.js";
export { useSystemFieldLabel } from "./preview/system-field-label.js";
export { pageLayout, readSections } from "./record/read-sections.js";
export { RecordSections } from "./record/record-sections.js";
export { SessionProvider, useBootstrap, useSession } from "./session/session-context.js";
export { SignInPage } from "./session/sign-in-page.js";
