import { describe, expect, it } from "vitest";
import { MAX_WEBHOOK_ATTEMPTS, retryDelayMs } from "../../../engine/src/webhooks/index.js";

const middle = () => 0.5;

describe("retry schedule", () => {
  it("makes eight attempts in all", () => {
    expect(MAX_WEBHOOK_ATTEMPTS).toBe(8);
  });

  it("doubles from 5 seconds", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelayMs(attempt, middle));
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000]);
  });

  it("is capped at one hour", () => {
    expect(retryDelayMs(10, middle)).toBe(2_560_000);
    expect(retryDelayMs(11, middle)).toBe(3_600_000);
    expect(retryDelayMs(5_000, middle)).toBe(3_600_000);
  });

  it("spreads each delay by at most 20% either way", () => {
    expect(retryDelayMs(1, () => 0)).toBe(4_000);
    expect(retryDelayMs(1, () => 0.999_999_999)).toBe(6_000);
    expect(retryDelayMs(20, () => 0)).toBe(2_880_000);
    expect(retryDelayMs(20, () => 0.999_999_999)).toBe(4_320_000);
  });

  it("takes a base in milliseconds so tests can retry quickly", () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(attempt, middle, 10))).toEqual([10, 20, 40]);
  });

  it.each([0, -1, 1.5])("refuses the attempt number %s", (attempt) => {
    expect(() => retryDelayMs(attempt)).toThrow(RangeError);
  });
});
