import type { FieldProps, RJSFSchema } from "@rjsf/utils";
import { Typography } from "antd";
import type { RecordFormContext } from "./form-context.js";
import type { FormValues } from "./record-values.js";

const fileNames = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map((file) =>
    typeof file === "object" && file !== null && typeof (file as { name?: unknown }).name === "string"
      ? (file as { name: string }).name
      : String(file),
  );

/** A file field in a form: the attached files by name; attaching happens on the record page. */
export const FileSummaryField = ({
  formData,
  schema,
  registry,
  fieldPathId,
}: FieldProps<FormValues, RJSFSchema, RecordFormContext>) => {
  const { t } = registry.formContext;
  const names = fileNames(formData);
  return (
    <div id={fieldPathId.$id} className="form-file-summary">
      <Typography.Text strong>{schema.title}</Typography.Text>
      <div>{names.length === 0 ? t("file.none") : names.join(", ")}</div>
      <Typography.Text type="secondary">{t("file.editOnRecord")}</Typography.Text>
    </div>
  );
};
