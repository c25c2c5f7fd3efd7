import { describe, expect, it } from "vitest";
import { dateBucketKey } from "../../../metadata/src/reports/date-bucket.js";

describe("dateBucketKey", () => {
  it.each([
    ["day", "2026-11-26"],
    ["week", "2026-11-23"],
    ["month", "2026-11"],
    ["quarter", "2026-Q4"],
    ["year", "2026"],
  ] as const)("buckets a Thursday by %s as %s", (bucket, key) => {
    expect(dateBucketKey("2026-11-26", bucket)).toBe(key);
  });

  it("starts weeks on Monday: a Monday is its own week, a Sunday belongs to the Monday before", () => {
    expect(dateBucketKey("2026-11-23", "week")).toBe("2026-11-23");
    expect(dateBucketKey("2026-11-29", "week")).toBe("2026-11-23");
    expect(dateBucketKey("2026-11-30", "week")).toBe("2026-11-30");
  });

  it("puts a week across the new year on the Monday of the old year", () => {
    expect(dateBucketKey("2027-01-01", "week")).toBe("2026-12-28");
  });

  it.each([
    ["2026-01-01", "2026-Q1"],
    ["2026-03-31", "2026-Q1"],
    ["2026-04-01", "2026-Q2"],
    ["2026-09-30", "2026-Q3"],
    ["2026-10-01", "2026-Q4"],
  ])("puts %s in %s", (date, quarter) => {
    expect(dateBucketKey(date, "quarter")).toBe(quarter);
  });

  it("buckets datetimes by their UTC day", () => {
    expect(dateBucketKey("2026-12-31T23:30:00.000Z", "year")).toBe("2026");
    expect(dateBucketKey("2027-01-01T07:30:00+08:00", "day")).toBe("2026-12-31");
    expect(dateBucketKey("2026-03-31T20:00:00-05:00", "quarter")).toBe("2026-Q2");
  });

  it("buckets a leap day", () => {
    expect(dateBucketKey("2028-02-29", "month")).toBe("2028-02");
  });

  it("keys that sort as text sort by time", () => {
    const keys = ["2026-11-26", "2025-12-31", "2026-02-01"].map((d) => dateBucketKey(d, "week"));
    expect([...keys].sort()).toEqual([keys[1], keys[2], keys[0]]);
  });

  it("throws on a value that is not a date", () => {
    expect(() => dateBucketKey("yesterday", "day")).toThrow(RangeError);
    expect(() => dateBucketKey("2026-02-30", "day")).toThrow(RangeError);
  });
});
