import { describe, expect, it } from "vitest";
import { urlField } from "../../../../metadata/src/fields/types/url.js";
import { url } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const field = url("website");

describe("url coercion", () => {
  it.each([
    ["https://example.com", "https://example.com"],
    ["  http://example.com/a/b?q=1&r=2#top  ", "http://example.com/a/b?q=1&r=2#top"],
    ["HTTPS://WWW.Example.COM/Path", "https://www.example.com/Path"],
    ["https://example.com:8443/x", "https://example.com:8443/x"],
    ["https://zh.wikipedia.org/wiki/中国", "https://zh.wikipedia.org/wiki/%E4%B8%AD%E5%9B%BD"],
    ["https://example.com/a%20b", "https://example.com/a%20b"],
  ])("stores %j as %j", (input, stored) => {
    expect(urlField.coerce(input, field)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ["example.com"],
    ["www.example.com"],
    ["javascript:alert(1)"],
    ["JAVASCRIPT://example.com/%0aalert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["ftp://example.com/file"],
    ["mailto:a@example.com"],
    ["//example.com"],
    ["https://"],
    ["https://user:pass@example.com"],
    ["https://bank.example@evil.example"],
    ["https://exa mple.com"],
    ["https://example.com/a b"],
    ["https://example.com/\u0000"],
    ["https://[::1]/"],
    ["https://例子.中国"],
    ["https://example.com:99999"],
    ["https://example.com/<script>"],
    ["https://example.com/100%"],
    [`https://example.com/${"a".repeat(2048)}`],
  ])("refuses %j with field.invalidUrl", (input) => {
    expect(urlField.coerce(input, field)).toMatchObject({ ok: false, code: "field.invalidUrl" });
  });
});

describe("url record schema", () => {
  const valid = valueValidator(urlField.toJsonSchema(field));

  it("accepts what coercion stores", () => {
    expect(valid("https://zh.wikipedia.org/wiki/%E4%B8%AD%E5%9B%BD")).toBe(true);
    expect(valid("http://example.com/a/b?q=1&r=2#top")).toBe(true);
  });

  it("refuses other schemes and over-long addresses", () => {
    expect(valid("javascript:alert(1)")).toBe(false);
    expect(valid("ftp://example.com/")).toBe(false);
    expect(valid(`https://example.com/${"a".repeat(2048)}`)).toBe(false);
  });
});

describe("url presentation", () => {
  it("uses the uri widget and text-like operators", () => {
    expect(urlField.toUiSchema(field, "en")).toEqual({ "ui:widget": "uri" });
    expect(urlField.operators).toContain("startsWith");
  });
});
