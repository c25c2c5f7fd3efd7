import { describe, expect, it } from "vitest";
import { bucketLabel } from "../../../engine/src/reports/bucket-label.js";

describe("date bucket labels", () => {
  it("names each bucket in English", () => {
    expect(bucketLabel("2026-11-26", "day", "en")).toBe("Nov 26, 2026");
    expect(bucketLabel("2026-11-23", "week", "en")).toBe("Week of Nov 23, 2026");
    expect(bucketLabel("2026-11", "month", "en")).toBe("Nov 2026");
    expect(bucketLabel("2026-Q4", "quarter", "en")).toBe("Q4 2026");
    expect(bucketLabel("2026", "year", "en")).toBe("2026");
  });

  it("names each bucket in Simplified Chinese", () => {
    expect(bucketLabel("2026-11-26", "day", "zh-CN")).toBe("2026年11月26日");
    expect(bucketLabel("2026-11-23", "week", "zh-CN")).toBe("2026年11月23日当周");
    expect(bucketLabel("2026-11", "month", "zh-CN")).toBe("2026年11月");
    expect(bucketLabel("2026-Q4", "quarter", "zh-CN")).toBe("2026年第4季度");
    expect(bucketLabel("2026", "year", "zh-CN")).toBe("2026年");
  });

  it("shows a key of another shape as it is", () => {
    expect(bucketLabel("2026-13-45", "day", "en")).toBe("2026-13-45");
    expect(bucketLabel("2026-Q5", "quarter", "zh-CN")).toBe("2026-Q5");
    expect(bucketLabel("soon", "month", "en")).toBe("soon");
  });
});
