import { describe, expect, it } from "vitest";
import { conditionNormalizer, defaultNormalizer } from "../../../metadata/src/duplicates/condition-fields.js";
import { deal } from "../kinds/deal.js";

describe("the normaliser a duplicate condition uses", () => {
  it("defaults by the field's type: email, phone, text for text, exact otherwise", () => {
    expect(conditionNormalizer(deal, { field: "email", match: "exact" })).toBe("email");
    expect(conditionNormalizer(deal, { field: "phone", match: "fuzzy" })).toBe("phone");
    expect(conditionNormalizer(deal, { field: "name", match: "fuzzy" })).toBe("text");
    expect(conditionNormalizer(deal, { field: "notes", match: "fuzzy" })).toBe("text");
    expect(conditionNormalizer(deal, { field: "headline", match: "exact" })).toBe("text");
    expect(conditionNormalizer(deal, { field: "website", match: "exact" })).toBe("exact");
    expect(conditionNormalizer(deal, { field: "stage", match: "exact" })).toBe("exact");
    expect(conditionNormalizer(deal, { field: "account", match: "exact" })).toBe("exact");
  });

  it("takes the condition's own normaliser when it has one", () => {
    expect(conditionNormalizer(deal, { field: "name", normalizer: "companyName", match: "fuzzy" })).toBe(
      "companyName",
    );
  });

  it("is exact for a field it cannot find", () => {
    expect(defaultNormalizer(undefined)).toBe("exact");
  });
});
