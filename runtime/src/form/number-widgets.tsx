import { ariaDescribedByIds, type RJSFSchema, type WidgetProps } from "@rjsf/utils";
import { DEFAULT_CURRENCY } from "@tessera/metadata";
import { InputNumber } from "antd";
import type { ReactNode } from "react";
import type { RecordFormContext } from "./form-context.js";
import type { FormValues } from "./record-values.js";

type NumberWidgetProps = WidgetProps<FormValues, RJSFSchema, RecordFormContext>;

/**
 * A number input rounding to the field's scale. Bounds are not passed to the input, which would
 * silently clamp what the user typed: the validator reports them instead.
 */
const NumberInput = ({
  props,
  prefix,
  suffix,
}: {
  props: NumberWidgetProps;
  prefix?: ReactNode;
  suffix?: ReactNode;
}) => {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, options, schema } = props;
  const scale = typeof options.scale === "number" ? options.scale : schema.type === "integer" ? 0 : undefined;
  const current = typeof value === "number" ? value : null;
  return (
    <InputNumber<number>
      id={id}
      value={current}
      precision={scale}
      prefix={prefix}
      suffix={suffix}
      changeOnWheel={false}
      disabled={disabled || readonly}
      style={{ width: "100%" }}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(next) => onChange(next ?? undefined)}
      onBlur={() => onBlur(id, current)}
      onFocus={() => onFocus(id, current)}
    />
  );
};

export const CurrencyWidget = (props: NumberWidgetProps) => (
  <NumberInput
    props={props}
    prefix={typeof props.options.currencyCode === "string" ? props.options.currencyCode : DEFAULT_CURRENCY}
  />
);

export const PercentWidget = (props: NumberWidgetProps) => <NumberInput props={props} suffix="%" />;

export const NumberWidget = (props: NumberWidgetProps) => <NumberInput props={props} />;
