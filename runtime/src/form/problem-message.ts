import type { FormText } from "./form-texts.js";
import type { DescribeProblem } from "./form-validator.js";

const FORMAT_KEYS = {
  email: "problem.email",
  date: "problem.date",
  "date-time": "problem.dateTime",
  time: "problem.time",
  uri: "problem.uri",
} as const;

const BOUND_KEYS = {
  minimum: "problem.minimum",
  maximum: "problem.maximum",
  exclusiveMinimum: "problem.exclusiveMinimum",
  exclusiveMaximum: "problem.exclusiveMaximum",
  multipleOf: "problem.multipleOf",
  minLength: "problem.minLength",
  maxLength: "problem.maxLength",
  minItems: "problem.minItems",
  maxItems: "problem.maxItems",
} as const;

/** The sentence a field shows for a validation problem, in the user's language. */
export const describeProblemWith =
  (t: FormText): DescribeProblem =>
  ({ keyword, params }) => {
    if (keyword in BOUND_KEYS) {
      return t(BOUND_KEYS[keyword as keyof typeof BOUND_KEYS], { limit: String(params.limit) });
    }
    switch (keyword) {
      case "required":
        return t("problem.required");
      case "enum":
      case "const":
        return t("problem.enum");
      case "uniqueItems":
        return t("problem.uniqueItems");
      case "pattern":
        return t("problem.pattern");
      case "type":
        if (params.type === "integer") return t("problem.integer");
        return params.type === "number" ? t("problem.number") : t("problem.invalid");
      case "format": {
        const format = String(params.format);
        return format in FORMAT_KEYS
          ? t(FORMAT_KEYS[format as keyof typeof FORMAT_KEYS])
          : t("problem.invalid");
      }
      default:
        return t("problem.invalid");
    }
  };
