import { describe, expect, it } from "vitest";
import { jaroWinkler, trigramSimilarity } from "../../../metadata/src/duplicates/similarity.js";

describe("jaroWinkler", () => {
  it("scores equal strings 1 and strings with nothing in common 0", () => {
    expect(jaroWinkler("acme", "acme")).toBe(1);
    expect(jaroWinkler("", "")).toBe(1);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
    expect(jaroWinkler("abc", "")).toBe(0);
  });

  it("gives the textbook values", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler("dwayne", "duane")).toBeCloseTo(0.84, 4);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.8133, 4);
  });

  it("is symmetric", () => {
    expect(jaroWinkler("crate", "trace")).toBe(jaroWinkler("trace", "crate"));
  });

  it("rewards a common prefix over the same difference elsewhere", () => {
    expect(jaroWinkler("acme corp", "acme corq")).toBeGreaterThan(jaroWinkler("acme corp", "bcme corp"));
  });

  it("counts characters outside the basic plane once", () => {
    expect(jaroWinkler("𠮷野家", "𠮷野屋")).toBeCloseTo(jaroWinkler("abc", "abd"), 10);
  });

  it("compares Chinese names", () => {
    expect(jaroWinkler("阿里巴巴", "阿里巴巴网络")).toBeGreaterThan(0.9);
  });
});

describe("trigramSimilarity", () => {
  it("scores equal strings 1 and strings without shared trigrams 0", () => {
    expect(trigramSimilarity("acme", "acme")).toBe(1);
    expect(trigramSimilarity("abc", "xyz")).toBe(0);
    expect(trigramSimilarity("", "abc")).toBe(0);
  });

  it("is the share of distinct padded trigrams, as pg_trgm computes it", () => {
    // {"  a"," ab","ab "} and {"  a"," ac","ac "}: 1 shared of 5.
    expect(trigramSimilarity("ab", "ac")).toBeCloseTo(1 / 5, 10);
    // word: {"  w"," wo","wor","ord","rd "}; words: + "rds","ds " and "ord" -> {"  w"," wo","wor","ord","rds","ds "}.
    expect(trigramSimilarity("word", "words")).toBeCloseTo(4 / 7, 10);
  });

  it("does not care about word order", () => {
    expect(trigramSimilarity("acme holdings", "holdings acme")).toBe(1);
  });
});
