import { describe, expect, it } from "vitest";
import { compileTemplate, MAX_BLOCK_DEPTH, TemplateError } from "../../../engine/src/templates/index.js";

const codeOf = (source: string): string => {
  try {
    compileTemplate(source, "html");
  } catch (error) {
    if (error instanceof TemplateError) return error.code;
    throw error;
  }
  return "compiled";
};

describe("rendering", () => {
  it("fills fields and escapes them in HTML", () => {
    const render = compileTemplate("<p>{{name}}: {{amount}}</p>", "html");
    expect(render({ name: "<script>alert(1)</script>", amount: 5 })).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;: 5</p>",
    );
  });

  it("leaves plain text unescaped", () => {
    expect(compileTemplate("Dear {{name}},", "text")({ name: "Tom & Jerry" })).toBe("Dear Tom & Jerry,");
  });

  it("keeps an e-mail subject on one line, so no header can be injected", () => {
    const subject = compileTemplate("Quote {{number}}", "header");
    expect(subject({ number: "Q-1\r\nBcc: attacker@example.com" })).toBe(
      "Quote Q-1 Bcc: attacker@example.com",
    );
  });

  it("loops and branches with the built-in block helpers", () => {
    const render = compileTemplate(
      "{{#each lines}}{{#if big}}[{{name}}]{{else}}{{name}}{{/if}}{{/each}}",
      "text",
    );
    expect(render({ lines: [{ name: "a", big: true }, { name: "b" }] })).toBe("[a]b");
  });

  it("formats dates, numbers and currencies in the reader's locale", () => {
    const render = compileTemplate(
      '{{formatCurrency amount "CNY"}} | {{formatNumber qty}} | {{formatDate day}}',
      "text",
    );
    expect(render({ amount: 1234.5, qty: 1234567, day: "2027-01-31" }, "en")).toBe(
      "CN¥1,234.50 | 1,234,567 | Jan 31, 2027",
    );
    expect(render({ amount: 1234.5, qty: 1234567, day: "2027-01-31" }, "zh-CN")).toBe(
      "¥1,234.50 | 1,234,567 | 2027年1月31日",
    );
  });

  it("only lets http(s) and mailto addresses into links", () => {
    const render = compileTemplate('<a href="{{url link}}">x</a>', "html");
    // "=" is HTML-escaped inside the attribute; the browser reads it back as "=".
    expect(render({ link: "https://example.com/q?id=1" })).toBe(
      '<a href="https://example.com/q?id&#x3D;1">x</a>',
    );
    expect(render({ link: "javascript:alert(1)" })).toBe('<a href="">x</a>');
    expect(render({ link: "data:text/html,<script>" })).toBe('<a href="">x</a>');
  });

  it("never reads inherited properties of the data", () => {
    const render = compileTemplate(
      "{{#with owner}}[{{toString}}{{valueOf}}{{hasOwnProperty}}]{{/with}}",
      "text",
    );
    expect(render({ owner: { name: "x" } })).toBe("[]");
  });
});

describe("what a template may not do", () => {
  it.each([
    ["{{constructor}}", "template.forbiddenPath"],
    ["{{this.__proto__.polluted}}", "template.forbiddenPath"],
    ["{{#with constructor}}{{name}}{{/with}}", "template.forbiddenPath"],
    ["{{formatNumber n extra=constructor}}", "template.forbiddenPath"],
    ['{{lookup this "constructor"}}', "template.unknownHelper"],
    ['{{log "x"}}', "template.unknownHelper"],
    ["{{> header}}", "template.partial"],
    ["{{#each items}}", "template.syntax"],
    ["{{shout name}}", "template.unknownHelper"],
  ])("refuses %s", (source, code) => {
    expect(codeOf(source)).toBe(code);
  });

  it("refuses blocks nested deeper than the limit", () => {
    const nested = (depth: number) => `${"{{#if a}}".repeat(depth)}x${"{{/if}}".repeat(depth)}`;
    expect(codeOf(nested(MAX_BLOCK_DEPTH))).toBe("compiled");
    expect(codeOf(nested(MAX_BLOCK_DEPTH + 1))).toBe("template.tooDeep");
  });

  it("refuses templates over the size limit", () => {
    expect(codeOf("x".repeat(100_001))).toBe("template.tooLarge");
  });

  it("refuses output over the size limit when rendering", () => {
    const render = compileTemplate("{{#each rows}}{{text}}{{/each}}", "text");
    const rows = Array.from({ length: 2000 }, () => ({ text: "x".repeat(1000) }));
    expect(() => render({ rows })).toThrow(TemplateError);
  });

  it("is not affected by a polluted Object.prototype", () => {
    const render = compileTemplate("[{{polluted}}]", "text");
    Object.defineProperty(Object.prototype, "polluted", {
      value: "leak",
      configurable: true,
      enumerable: false,
    });
    try {
      expect(render({})).toBe("[]");
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });
});
