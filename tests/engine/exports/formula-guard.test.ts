import { describe, expect, it } from "vitest";
import { guardFormula } from "../../../engine/src/exports/formula-guard.js";

describe("guardFormula: CSV text that a spreadsheet would run is made inert", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ["+1+1", "'+1+1"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+2", "'\t=1+2"],
    ["\r=1+2", "'\r=1+2"],
  ])("prefixes %j with a quote", (input, expected) => {
    expect(guardFormula(input)).toBe(expected);
  });

  it.each(["Acme", "", " =not first", "a=b", "100", "'quoted", "＝全角"])("leaves %j as it is", (input) => {
    expect(guardFormula(input)).toBe(input);
  });
});
