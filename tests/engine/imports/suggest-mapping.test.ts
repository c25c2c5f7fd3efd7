import { describe, expect, it } from "vitest";
import { matchKey, suggestMapping } from "../../../engine/src/imports/suggest-mapping.js";
import { number, text } from "../../metadata/builders.js";

const fields = new Map(
  [
    text("name", { label: { en: "Account Name", "zh-CN": "客户名称" } }),
    text("billingCity", { label: { en: "Billing City", "zh-CN": "城市" } }),
    number("employees", { label: { en: "Employees", "zh-CN": "员工人数" } }),
    text("city", { label: { en: "Town" } }),
  ].map((f) => [f.name, f]),
);

describe("suggesting a mapping", () => {
  it("matches API names, English labels and Chinese labels, ignoring case, spaces and punctuation", () => {
    expect(suggestMapping(["ACCOUNT-NAME", "城市", "employees", "Notes"], fields)).toEqual([
      { column: "ACCOUNT-NAME", field: "name" },
      { column: "城市", field: "billingCity" },
      { column: "employees", field: "employees" },
      { column: "Notes", field: null },
    ]);
  });

  it("prefers an API name to a label and maps each field once", () => {
    expect(suggestMapping(["city", "Town", "Billing City", "billing_city"], fields)).toEqual([
      { column: "city", field: "city" },
      { column: "Town", field: null },
      { column: "Billing City", field: "billingCity" },
      { column: "billing_city", field: null },
    ]);
  });

  it("maps a header of punctuation alone to nothing", () => {
    expect(suggestMapping(["--"], fields)).toEqual([{ column: "--", field: null }]);
  });

  it("compares full-width and half-width forms alike", () => {
    expect(matchKey("Ｅｍｐｌｏｙｅｅｓ（人）")).toBe("employees人");
  });
});
