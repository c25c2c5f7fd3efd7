import type { JsonValue } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  fieldSnippet,
  insertSnippet,
  resultKindOf,
  sampleFields,
  sampleRecord,
  storedResult,
} from "../../../designer/src/conditions/formula-sample.js";
import { amount, status, subject } from "./condition-fields.js";

describe("inserting at the caret", () => {
  it("replaces the selection and puts the caret after the insert", () => {
    expect(insertSnippet('{"+": [0, 1]}', 7, 8, fieldSnippet("amount"))).toEqual({
      text: '{"+": [{"var":"amount"}, 1]}',
      caret: 23,
    });
  });

  it("inserts at a caret with no selection", () => {
    expect(insertSnippet("", 0, 0, '{"today": []}')).toEqual({ text: '{"today": []}', caret: 13 });
  });

  it("clamps a caret beyond the text to its end", () => {
    expect(insertSnippet("ab", 9, 12, "c")).toEqual({ text: "abc", caret: 3 });
  });
});

describe("the sample record", () => {
  it("holds each field read, blank ones as null", () => {
    expect(sampleRecord(["amount", "subject"], { amount: 5, other: 1 })).toEqual({
      amount: 5,
      subject: null,
    });
  });

  it("asks for the fields a formula reads, in the object's order, by their root", () => {
    expect(sampleFields([status, subject, amount], ["amount", "status.x", "$user.id"])).toEqual([
      status,
      amount,
    ]);
  });
});

describe("results", () => {
  it.each([
    [null, "empty"],
    ["a", "text"],
    [1, "number"],
    [true, "boolean"],
    [[1], "list"],
    [{ a: 1 }, "object"],
  ] as Array<[JsonValue, string]>)("%j is %s", (value, kind) => {
    expect(resultKindOf(value)).toBe(kind);
  });

  it("stores a currency result rounded to its scale", () => {
    expect(storedResult(1.005, "currency")).toEqual({ ok: true, value: 1.01 });
  });

  it("refuses text where a number is returned", () => {
    expect(storedResult("many", "number").ok).toBe(false);
  });

  it("keeps any result when the return type is unknown", () => {
    expect(storedResult([1, 2], undefined)).toEqual({ ok: true, value: [1, 2] });
  });
});
