import { type FieldTemplateProps, getUiOptions, type RJSFSchema } from "@rjsf/utils";
import type { RecordFormContext } from "./form-context.js";
import type { FormValues } from "./record-values.js";

/**
 * One field: label, input, errors, help. Plain elements styled like antd's form items
 * (styles.css), not antd's Form.Item: a Form.Item per field costs about as much as the rest of the
 * field together, and a 50-field form has to render in under 100 ms.
 */
export const FieldTemplate = (props: FieldTemplateProps<FormValues, RJSFSchema, RecordFormContext>) => {
  const { id, label, children, errors, help, rawErrors, description, rawDescription, hidden, required } =
    props;
  if (hidden) return <div className="rjsf-field-hidden">{children}</div>;
  // A checkbox carries its own label next to the box.
  const showLabel = props.displayLabel === true && getUiOptions(props.uiSchema).widget !== "checkbox";
  const invalid = rawErrors !== undefined && rawErrors.length > 0;
  const classes = [props.classNames, "form-field", invalid && "form-field-invalid"].filter(Boolean).join(" ");
  return (
    <div className={classes} style={props.style}>
      {showLabel && (
        <label htmlFor={id} className={`form-field-label${required ? " form-field-required" : ""}`}>
          {label}
        </label>
      )}
      {children}
      {invalid && <div className="form-field-errors">{errors}</div>}
      {rawDescription !== undefined && rawDescription !== "" && (
        <div className="form-field-description">{description}</div>
      )}
      {help}
    </div>
  );
};
