import { describe, expect, it } from "vitest";
import { textareaField } from "../../../../metadata/src/fields/types/textarea.js";
import { textarea } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

describe("textarea coercion", () => {
  it("keeps line breaks and surrounding spaces", () => {
    expect(textareaField.coerce("line 1\nline 2\n", textarea("notes"))).toEqual({
      ok: true,
      value: "line 1\nline 2\n",
    });
  });

  it("allows 32768 characters when maxLength is absent, and no more", () => {
    expect(textareaField.coerce("x".repeat(32_768), textarea("notes"))).toMatchObject({ ok: true });
    expect(textareaField.coerce("x".repeat(32_769), textarea("notes"))).toMatchObject({
      ok: false,
      code: "field.tooLong",
    });
  });

  it("refuses non-text input", () => {
    expect(textareaField.coerce({ text: "x" }, textarea("notes"))).toMatchObject({ code: "field.notText" });
  });
});

describe("textarea record schema", () => {
  it("is a string capped at maxLength", () => {
    const valid = valueValidator(textareaField.toJsonSchema(textarea("notes", { maxLength: 5 })));
    expect(valid("a\nb")).toBe(true);
    expect(valid("abcdef")).toBe(false);
  });
});

describe("textarea presentation", () => {
  it("renders a four-row textarea, searchable by text", () => {
    expect(textareaField.toUiSchema(textarea("notes"), "en")).toEqual({
      "ui:widget": "textarea",
      "ui:options": { rows: 4 },
    });
    expect(textareaField.indexHint).toBe("text");
  });
});
