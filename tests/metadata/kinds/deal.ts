import type { ObjectDefinition } from "../../../metadata/src/kinds/object.js";
import * as field from "../builders.js";

/** An object with a field of (nearly) every type, for the kinds that care about field types. */
export const deal: ObjectDefinition = {
  kind: "object",
  name: "deal",
  label: { en: "Deal" },
  pluralLabel: { en: "Deals" },
  recordName: "name",
  sharingModel: "private",
  fields: [
    field.text("name"),
    field.picklist("stage", { options: [field.option("open", "Open"), field.option("won", "Won")] }),
    field.multiPicklist("tags", { options: [field.option("hot", "Hot")] }),
    field.currency("amount"),
    field.percent("probability"),
    field.number("seats"),
    field.checkbox("isPartner"),
    field.date("closeDate"),
    field.datetime("signedAt"),
    field.time("callTime"),
    field.lookup("account", { reference: "account" }),
    field.user("salesRep"),
    field.email("email"),
    field.phone("phone"),
    field.url("website"),
    field.textarea("notes"),
    field.richText("proposal"),
    field.autoNumber("dealNumber", { format: "D-{0000}" }),
    field.formula("expected", {
      returnType: "currency",
      expression: { "*": [{ var: "amount" }, { var: "probability" }] },
    }),
    field.formula("isWon", { returnType: "boolean", expression: { "==": [{ var: "stage" }, "won"] } }),
    field.formula("followUp", { returnType: "date", expression: { var: "closeDate" } }),
    field.formula("headline", { returnType: "text", expression: { var: "name" } }),
    field.rollupSummary("lineCount", {
      childObject: "dealLine",
      relationshipField: "deal",
      operation: "count",
    }),
    field.geolocation("site"),
    field.file("contract"),
  ],
};
