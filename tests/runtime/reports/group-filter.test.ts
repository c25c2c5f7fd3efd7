import { describe, expect, it } from "vitest";
import { groupFilter, groupListPath } from "../../../runtime/src/reports/group-filter.js";
import { leadsBySource, pipelineByStage, wonByMonthAndOwner } from "./report-fixtures.js";

describe("group filter", () => {
  it("filters the list to a group's key", () => {
    expect(groupFilter(pipelineByStage(), ["proposal"])).toEqual({ "==": [{ var: "stage" }, "proposal"] });
  });

  it("filters to records without a value for the empty group", () => {
    expect(groupFilter(leadsBySource(), [null])).toEqual({ missing: ["source"] });
  });

  it("has no filter for a date bucket (a month is not one value)", () => {
    expect(groupFilter(wonByMonthAndOwner(), ["2026-10", "u1"])).toBeUndefined();
  });

  it("has no filter for more keys than the report has groupings", () => {
    expect(groupFilter(pipelineByStage(), ["proposal", "x"])).toBeUndefined();
  });

  it("links to the object's list with the filter in its query", () => {
    expect(groupListPath(pipelineByStage(), ["proposal"])).toBe(
      `/o/opportunity?filter=${encodeURIComponent('{"==":[{"var":"stage"},"proposal"]}')}`,
    );
  });
});
