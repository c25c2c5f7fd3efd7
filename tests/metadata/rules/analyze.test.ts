import { describe, expect, it } from "vitest";
import { fieldsRead, rootFieldsRead } from "../../../metadata/src/rules/analyze.js";
import { nested } from "./engines.js";

describe("fieldsRead", () => {
  it("lists the var paths a rule reads, sorted and unique", () => {
    const rule = {
      and: [{ ">": [{ var: "amount" }, 5] }, { "==": [{ var: "account.name" }, { var: "amount" }] }],
    };
    expect(fieldsRead(rule)).toEqual(["account.name", "amount"]);
  });

  it("reads the path of every var form", () => {
    expect(fieldsRead({ var: ["stage", "new"] })).toEqual(["stage"]);
    expect(fieldsRead({ var: 1 })).toEqual(["1"]);
    expect(fieldsRead({ var: ["x", { var: "fallback" }] })).toEqual(["fallback", "x"]);
  });

  it("does not count the whole data as a field", () => {
    expect(fieldsRead({ var: "" })).toEqual([]);
    expect(fieldsRead({ var: [] })).toEqual([]);
  });

  it("does not count what iteration bodies read: they read the current item", () => {
    const rule = {
      and: [
        { map: [{ var: "lines" }, { "*": [{ var: "qty" }, { var: "price" }] }] },
        { filter: [{ var: "tags" }, { "==": [{ var: "" }, "vip"] }] },
        { all: [{ var: "items" }, { var: "ok" }] },
        { some: [{ var: "items" }, { var: "ok" }] },
        { none: [{ var: "items" }, { var: "bad" }] },
        {
          reduce: [
            { var: "lines" },
            { "+": [{ var: "accumulator" }, { var: "current.qty" }] },
            { var: "start" },
          ],
        },
      ],
    };
    expect(fieldsRead(rule)).toEqual(["items", "lines", "start", "tags"]);
  });

  it("counts the names missing and missing_some test", () => {
    expect(fieldsRead({ missing: ["email", "phone"] })).toEqual(["email", "phone"]);
    expect(fieldsRead({ missing: "email" })).toEqual(["email"]);
    expect(fieldsRead({ missing: [["email", "phone"]] })).toEqual(["email", "phone"]);
    expect(fieldsRead({ missing_some: [1, ["email", "phone"]] })).toEqual(["email", "phone"]);
  });

  it("counts the names a computed missing list can produce", () => {
    const rule = { missing: { merge: ["vin", { if: [{ var: "financing" }, ["apr"], []] }] } };
    expect(fieldsRead(rule)).toEqual(["apr", "financing", "vin"]);
  });

  it("reports the inputs of a path computed at run time", () => {
    expect(fieldsRead({ var: [{ if: [{ var: "useShipping" }, "shipping", "billing"] }] })).toEqual([
      "useShipping",
    ]);
  });

  it("finds vars inside list literals", () => {
    expect(fieldsRead([1, { var: "x" }, [{ var: "y" }]])).toEqual(["x", "y"]);
  });

  it("reads nothing from literals and from objects that are not operations", () => {
    expect(fieldsRead(5)).toEqual([]);
    expect(fieldsRead({ a: { var: "x" }, b: 1 })).toEqual([]);
  });

  it("walks a rule far deeper than the call stack", () => {
    expect(fieldsRead(nested(200_000, { var: "deep" }))).toEqual(["deep"]);
  });
});

describe("rootFieldsRead", () => {
  it("keeps the first segment of each path, sorted and unique", () => {
    const rule = {
      cat: [{ var: "account.name" }, { var: "account.owner.name" }, { var: "amount" }, { var: "$user.id" }],
    };
    expect(rootFieldsRead(rule)).toEqual(["$user", "account", "amount"]);
  });
});
