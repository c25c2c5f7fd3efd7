import { describe, expect, it } from "vitest";
import { normalizeForMatch } from "../../../metadata/src/duplicates/normalize.js";

describe("normalizeForMatch: text", () => {
  it("lower-cases, removes punctuation and symbols, collapses and trims whitespace", () => {
    expect(normalizeForMatch("  O'Brien-Smith   &  Sons!  ", "text")).toBe("obriensmith sons");
  });

  it("folds full-width letters, digits and spaces (NFKC)", () => {
    expect(normalizeForMatch("ＡＣＭＥ　１２３", "text")).toBe("acme 123");
  });

  it("keeps Chinese text, without its punctuation", () => {
    expect(normalizeForMatch("北京（海淀）科技，", "text")).toBe("北京海淀科技");
  });

  it("reads numbers and booleans as their text", () => {
    expect(normalizeForMatch(42.5, "text")).toBe("425");
    expect(normalizeForMatch(true, "text")).toBe("true");
  });

  it("gives null for null, blank text, only punctuation, arrays and objects", () => {
    expect(normalizeForMatch(null, "text")).toBeNull();
    expect(normalizeForMatch("   ", "text")).toBeNull();
    expect(normalizeForMatch("--!", "text")).toBeNull();
    expect(normalizeForMatch(["a"], "text")).toBeNull();
    expect(normalizeForMatch({ a: "b" }, "text")).toBeNull();
  });
});

describe("normalizeForMatch: companyName", () => {
  it.each([
    ["Acme Co., Ltd.", "acme"],
    ["Acme Co. Ltd", "acme"],
    ["ACME LIMITED", "acme"],
    ["Acme, Inc.", "acme"],
    ["Acme Inc", "acme"],
    ["Acme Corp", "acme"],
    ["Acme Corporation", "acme"],
    ["Acme LLC", "acme"],
    ["Acme GmbH", "acme"],
    ["Acme AG", "acme"],
    ["Acme S.A.", "acme"],
    ["Acme PLC", "acme"],
    ["Acme Pte Ltd", "acme"],
    ["The Acme Company Ltd", "acme company"],
  ])("%s -> %s", (name, expected) => {
    expect(normalizeForMatch(name, "companyName")).toBe(expected);
  });

  it.each([
    ["阿里巴巴集团有限公司", "阿里巴巴"],
    ["华为技术有限公司", "华为技术"],
    ["中国平安保险（集团）股份有限公司", "中国平安保险"],
    ["北京字节跳动有限责任公司", "北京字节跳动"],
    ["腾讯公司", "腾讯"],
  ])("%s -> %s", (name, expected) => {
    expect(normalizeForMatch(name, "companyName")).toBe(expected);
  });

  it("removes legal forms only at the end, and only as whole words", () => {
    expect(normalizeForMatch("Incredible Foods", "companyName")).toBe("incredible foods");
    expect(normalizeForMatch("Saga", "companyName")).toBe("saga");
  });

  it("never removes the whole name", () => {
    expect(normalizeForMatch("Limited", "companyName")).toBe("limited");
    expect(normalizeForMatch("公司", "companyName")).toBe("公司");
    expect(normalizeForMatch("The", "companyName")).toBe("the");
  });
});

describe("normalizeForMatch: email", () => {
  it("trims and lower-cases, and changes nothing else", () => {
    expect(normalizeForMatch("  Li.Lei+crm@Example.COM ", "email")).toBe("li.lei+crm@example.com");
  });

  it("gives null for a blank address", () => {
    expect(normalizeForMatch(" ", "email")).toBeNull();
  });
});

describe("normalizeForMatch: phone", () => {
  it("keeps digits only", () => {
    expect(normalizeForMatch("(415) 555-0100", "phone")).toBe("4155550100");
  });

  it.each([
    ["+86 138-0013-8000"],
    ["0086 13800138000"],
    ["8613800138000"],
    ["138 0013 8000"],
    ["１３８００１３８０００"],
  ])("reads the Chinese mobile number %s as its 11 digits", (phone) => {
    expect(normalizeForMatch(phone, "phone")).toBe("13800138000");
  });

  it("gives a Chinese landline with the country code its trunk 0", () => {
    expect(normalizeForMatch("+86 10 6552 9988", "phone")).toBe("01065529988");
    expect(normalizeForMatch("010-6552-9988", "phone")).toBe("01065529988");
  });

  it("keeps other country codes", () => {
    expect(normalizeForMatch("+1 415 555 0100", "phone")).toBe("14155550100");
    expect(normalizeForMatch("+44 20 7946 0958", "phone")).toBe("442079460958");
  });

  it("gives null without digits", () => {
    expect(normalizeForMatch("n/a", "phone")).toBeNull();
  });
});

describe("normalizeForMatch: exact", () => {
  it("compares the value's JSON text, so types and case count", () => {
    expect(normalizeForMatch("Acme", "exact")).toBe('"Acme"');
    expect(normalizeForMatch(1, "exact")).toBe("1");
    expect(normalizeForMatch("1", "exact")).toBe('"1"');
    expect(normalizeForMatch(false, "exact")).toBe("false");
    expect(normalizeForMatch(["a", "b"], "exact")).toBe('["a","b"]');
  });

  it("gives null for null, an empty string and an empty list", () => {
    expect(normalizeForMatch(null, "exact")).toBeNull();
    expect(normalizeForMatch("", "exact")).toBeNull();
    expect(normalizeForMatch([], "exact")).toBeNull();
  });
});
