import { describe, expect, it } from "vitest";
import { richTextField } from "../../../../metadata/src/fields/types/rich-text.js";
import { richText } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const field = richText("body");
const stored = (input: string) => richTextField.coerce(input, field);

describe("rich text sanitising", () => {
  it.each([
    [
      "<p>Hello <strong>bold</strong> <em>it</em> <u>u</u> <s>s</s><br></p>",
      "<p>Hello <strong>bold</strong> <em>it</em> <u>u</u> <s>s</s><br /></p>",
    ],
    [
      "<h1>T</h1><h4>t</h4><ul><li>a</li></ul><ol><li>b</li></ol>",
      "<h1>T</h1><h4>t</h4><ul><li>a</li></ul><ol><li>b</li></ol>",
    ],
    [
      "<blockquote>q</blockquote><pre><code>x = 1</code></pre>",
      "<blockquote>q</blockquote><pre><code>x = 1</code></pre>",
    ],
    ['<a href="https://example.com/a?b=1">link</a>', '<a href="https://example.com/a?b=1">link</a>'],
    ['<a href="mailto:sales@example.com">mail</a>', '<a href="mailto:sales@example.com">mail</a>'],
  ])("keeps allowed markup: %s", (input, output) => {
    expect(stored(input)).toEqual({ ok: true, value: output });
  });

  it.each([
    ["<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"],
    ['<p onclick="steal()">Hi</p>', "<p>Hi</p>"],
    ['<p style="position:fixed">Hi</p><style>p{}</style>', "<p>Hi</p>"],
    ['<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="java&#x09;script:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', "<a>x</a>"],
    ['<a href="//evil.example">x</a>', "<a>x</a>"],
    ['<a href="/relative">x</a>', "<a>x</a>"],
    [
      '<a href="https://example.com" target="_blank" onmouseover="x()">x</a>',
      '<a href="https://example.com">x</a>',
    ],
    ["<img src=x onerror=alert(1)>text", "text"],
    ["<svg><script>alert(1)</script></svg>ok", "ok"],
    ['<iframe src="https://evil.example"></iframe><h5>h5</h5><table><tr><td>c</td></tr></table>', "h5c"],
    ["a < b & c", "a &lt; b &amp; c"],
  ])("strips what is not allowed: %s", (input, output) => {
    expect(stored(input)).toEqual({ ok: true, value: output });
  });

  it("stores null when nothing survives sanitising", () => {
    expect(stored("<script>alert(1)</script>")).toEqual({ ok: true, value: null });
  });

  it("refuses input longer than maxLength before parsing it", () => {
    expect(richTextField.coerce("<p>abcdef</p>", richText("body", { maxLength: 10 }))).toMatchObject({
      ok: false,
      code: "field.tooLong",
    });
  });

  it("refuses sanitised output that grew past maxLength through escaping", () => {
    expect(richTextField.coerce("<<<<", richText("body", { maxLength: 10 }))).toMatchObject({
      code: "field.tooLong",
    });
  });

  it("refuses non-strings", () => {
    expect(stored(42 as unknown as string)).toMatchObject({ code: "field.notText" });
  });
});

describe("rich text record schema", () => {
  it("is an HTML string capped at 131072 characters by default", () => {
    const schema = richTextField.toJsonSchema(field);
    expect(schema).toEqual({ type: "string", maxLength: 131_072, contentMediaType: "text/html" });
    expect(valueValidator(schema)("<p>x</p>")).toBe(true);
  });
});

describe("rich text presentation", () => {
  it("uses the rich-text widget, is not indexed, and filters by contains or missing", () => {
    expect(richTextField.toUiSchema(field, "en")).toEqual({ "ui:widget": "richText" });
    expect(richTextField.indexHint).toBe("none");
    expect(richTextField.operators).toEqual(["contains", "missing"]);
  });
});
