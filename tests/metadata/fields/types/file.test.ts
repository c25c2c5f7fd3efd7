import { describe, expect, it } from "vitest";
import { fileField } from "../../../../metadata/src/fields/types/file.js";
import { file } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const contract = file("contract", { accept: ["application/pdf", "image/*"], maxSizeBytes: 1_000_000 });
const pdf = { fileId: "f_1", name: "contract.pdf", size: 5000, contentType: "application/pdf" };

describe("file coercion", () => {
  it("stores a file reference, dropping other keys and content-type parameters", () => {
    expect(
      fileField.coerce({ ...pdf, contentType: "Application/PDF; charset=binary", url: "x" }, contract),
    ).toEqual({
      ok: true,
      value: pdf,
    });
  });

  it("accepts types matching a family pattern", () => {
    expect(fileField.coerce({ ...pdf, contentType: "image/png" }, contract)).toMatchObject({ ok: true });
  });

  it.each([
    [{ ...pdf, contentType: "text/html" }, "field.fileTypeNotAccepted"],
    [{ ...pdf, size: 1_000_001 }, "field.fileTooLarge"],
    [{ ...pdf, fileId: "../../etc/passwd" }, "field.invalidFile"],
    [{ ...pdf, name: "" }, "field.invalidFile"],
    [{ ...pdf, name: "a\u0000.pdf" }, "field.invalidFile"],
    [{ ...pdf, name: "x".repeat(256) }, "field.invalidFile"],
    [{ ...pdf, size: -1 }, "field.invalidFile"],
    [{ ...pdf, size: 1.5 }, "field.invalidFile"],
    [{ ...pdf, contentType: "pdf" }, "field.invalidFile"],
    [[pdf], "field.invalidFile"],
    ["f_1", "field.invalidFile"],
  ])("refuses %j with %s", (input, code) => {
    expect(fileField.coerce(input, contract)).toMatchObject({ ok: false, code });
  });

  it("stores an array when multiple, wrapping a single file", () => {
    const attachments = file("attachments", { multiple: true });
    expect(fileField.coerce(pdf, attachments)).toEqual({ ok: true, value: [pdf] });
    expect(fileField.coerce([pdf, { ...pdf, fileId: "f_2" }], attachments)).toMatchObject({ ok: true });
    expect(fileField.coerce(new Array(101).fill(pdf), attachments)).toMatchObject({
      code: "field.tooManyFiles",
    });
    expect(fileField.coerce([pdf, { ...pdf, size: "big" }], attachments)).toMatchObject({
      code: "field.invalidFile",
    });
  });
});

describe("file record schema", () => {
  it("accepts a reference matching accept and maxSizeBytes", () => {
    const valid = valueValidator(fileField.toJsonSchema(contract));
    expect(valid(pdf)).toBe(true);
    expect(valid({ ...pdf, contentType: "image/jpeg" })).toBe(true);
    expect(valid({ ...pdf, contentType: "text/html" })).toBe(false);
    expect(valid({ ...pdf, size: 1_000_001 })).toBe(false);
    expect(valid({ ...pdf, extra: 1 })).toBe(false);
    expect(valid({ ...pdf, name: "x".repeat(256) })).toBe(false);
  });

  it("escapes regex characters of accepted families", () => {
    const valid = valueValidator(fileField.toJsonSchema(file("f", { accept: ["x.model+v1/*"] })));
    expect(valid({ ...pdf, contentType: "x.model+v1/step" })).toBe(true);
    expect(valid({ ...pdf, contentType: "xXmodel+v1/step" })).toBe(false);
    expect(valid({ ...pdf, contentType: "x.modelv1/step" })).toBe(false);
  });

  it("is an array of at most 100 references when multiple", () => {
    const valid = valueValidator(fileField.toJsonSchema(file("attachments", { multiple: true })));
    expect(valid([pdf])).toBe(true);
    expect(valid(pdf)).toBe(false);
    expect(valid(new Array(101).fill(pdf))).toBe(false);
  });
});

describe("file definition schema", () => {
  it("takes MIME types and family patterns in accept", () => {
    expect(fileField.optionsSchema).toMatchObject({
      properties: { accept: { items: { pattern: expect.stringContaining("\\*") } } },
    });
  });
});

describe("file presentation", () => {
  it("uses the file widget with accept, multiple and the size limit", () => {
    expect(fileField.toUiSchema(contract, "en")).toEqual({
      "ui:widget": "file",
      "ui:options": { multiple: false, accept: "application/pdf,image/*", maxSizeBytes: 1_000_000 },
    });
    expect(fileField.indexHint).toBe("none");
    expect(fileField.operators).toEqual(["missing"]);
  });
});
