import { describe, expect, it } from "vitest";
import { entryKey, expectedRevision, prefixUpperBound } from "../../../engine/src/store/entry-keys.js";

describe("prefixUpperBound", () => {
  it("increments the last code point", () => {
    expect(prefixUpperBound("u1:")).toBe("u1;");
    expect(prefixUpperBound("a")).toBe("b");
    expect(prefixUpperBound("中")).toBe("丮");
  });

  it("steps over the surrogate range, which no well-formed text holds", () => {
    expect(prefixUpperBound("a\uD7FF")).toBe("a\uE000");
    expect(prefixUpperBound("a\uFFFF")).toBe("a\u{10000}");
    expect(prefixUpperBound("a😀")).toBe("a😁");
  });

  it("carries past U+10FFFF, and has no bound for a prefix of only U+10FFFF", () => {
    expect(prefixUpperBound("ab\u{10FFFF}")).toBe("ac");
    expect(prefixUpperBound("\u{10FFFF}\u{10FFFF}")).toBeUndefined();
    expect(prefixUpperBound("")).toBeUndefined();
  });

  it("bounds exactly the strings with the prefix, in code point order", () => {
    const codePointOrder = (a: string, b: string): number => {
      const x = [...a].map((c) => c.codePointAt(0) as number);
      const y = [...b].map((c) => c.codePointAt(0) as number);
      for (let i = 0; i < Math.min(x.length, y.length); i++)
        if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
      return x.length - y.length;
    };
    const strings = ["u1", "u1:", "u1:a", "u1;", "u10", "u2", "u1:\u{10FFFF}", "u1:😀", "u1\uFFFF", "v"];
    for (const prefix of ["u1:", "u1", "u1:\u{10FFFF}", "u1\uFFFF"]) {
      const bound = prefixUpperBound(prefix) as string;
      const inRange = strings.filter((s) => codePointOrder(s, prefix) >= 0 && codePointOrder(s, bound) < 0);
      expect(inRange).toEqual(strings.filter((s) => s.startsWith(prefix)));
    }
  });
});

describe("entry keys", () => {
  it("accept well-formed text of 1 to 200 characters", () => {
    expect(entryKey("01JBX:u1", "Entry id")).toBe("01JBX:u1");
    expect(entryKey("😀", "Entry id")).toBe("😀");
    expect(entryKey("", "Entry prefix", true)).toBe("");
    expect(entryKey("x".repeat(200), "Entry id")).toHaveLength(200);
  });

  it("refuse anything else", () => {
    expect(() => entryKey({ $ne: "" }, "Entry id")).toThrow(TypeError);
    expect(() => entryKey(5, "Entry id")).toThrow(TypeError);
    expect(() => entryKey("", "Entry id")).toThrow(RangeError);
    expect(() => entryKey("x".repeat(201), "Entry id")).toThrow(RangeError);
    expect(() => entryKey("a\uDC00", "Entry id")).toThrow(RangeError);
  });

  it("take ifRevision absent or as a non-negative integer", () => {
    expect(expectedRevision(undefined)).toBeUndefined();
    expect(expectedRevision(0)).toBe(0);
    expect(expectedRevision(7)).toBe(7);
    for (const bad of [-1, 1.5, Number.NaN, "1", null])
      expect(() => expectedRevision(bad)).toThrow(RangeError);
  });
});
