import { ariaDescribedByIds, type RJSFSchema, type WidgetProps } from "@rjsf/utils";
import { Select } from "antd";
import type { RecordFormContext } from "../form/form-context.js";
import type { FormValues } from "../form/record-values.js";
import { usePreviewText } from "./preview-texts.js";

/**
 * A lookup in the preview: the select the form shows, with the value's name and nothing to search
 * (a preview renders the designer's unpublished metadata: the referenced records are not there).
 */
export const PreviewLookupWidget = (props: WidgetProps<FormValues, RJSFSchema, RecordFormContext>) => {
  const { id, value, onChange, disabled, readonly, required, registry } = props;
  const t = usePreviewText();
  const selected = typeof value === "string" && value !== "" ? value : undefined;
  const name =
    selected === undefined ? undefined : (registry.formContext.referenceNames[selected] ?? selected);
  return (
    <Select<string>
      id={id}
      value={selected}
      options={selected === undefined ? [] : [{ value: selected, label: name }]}
      allowClear={!required}
      disabled={disabled || readonly}
      placeholder={registry.formContext.t("lookup.placeholder")}
      notFoundContent={t("preview.lookupNotSearched")}
      aria-describedby={ariaDescribedByIds(id)}
      style={{ width: "100%" }}
      onChange={(next) => onChange(next ?? undefined)}
    />
  );
};
