import { describe, expect, it } from "vitest";
import {
  personalLayoutProblems,
  widgetLayoutProblems,
} from "../../../metadata/src/reports/dashboard-layout.js";

const at = (name: string, x: number, y: number, w: number, h: number) => ({ name, x, y, w, h });
const codes = (problems: ReadonlyArray<{ path: string; code: string }>) =>
  problems.map(({ path, code }) => ({ path, code }));

describe("widgetLayoutProblems", () => {
  it("accepts widgets side by side and stacked", () => {
    expect(
      widgetLayoutProblems(12, [at("a", 0, 0, 6, 2), at("b", 6, 0, 6, 2), at("c", 0, 2, 12, 3)]),
    ).toEqual([]);
  });

  it("reports overlap, the edge and a repeated name, with pointers into {widgets}", () => {
    const problems = widgetLayoutProblems(12, [at("a", 0, 0, 6, 2), at("a", 5, 1, 8, 2)]);
    expect(codes(problems)).toEqual([
      { path: "/widgets/1/name", code: "dashboard.duplicateWidget" },
      { path: "/widgets/1/w", code: "dashboard.outsideGrid" },
      { path: "/widgets/1", code: "dashboard.overlap" },
    ]);
  });
});

describe("personalLayoutProblems", () => {
  const dashboard = { columns: 12, widgets: [{ name: "a" }, { name: "b" }] };

  it("accepts every widget of the dashboard once, moved", () => {
    expect(personalLayoutProblems(dashboard, [at("b", 0, 0, 12, 2), at("a", 0, 2, 4, 4)])).toEqual([]);
  });

  it("reports a widget the dashboard does not have and one left out", () => {
    const problems = personalLayoutProblems(dashboard, [at("a", 0, 0, 4, 4), at("z", 4, 0, 4, 4)]);
    expect(codes(problems)).toEqual([
      { path: "/widgets/1/name", code: "dashboard.unknownWidget" },
      { path: "/widgets", code: "dashboard.missingWidget" },
    ]);
    expect(problems[1]?.message).toBe('Place every widget of the dashboard; missing: "b".');
  });

  it("uses the dashboard's default 12 columns", () => {
    const problems = personalLayoutProblems({ widgets: [{ name: "a" }] }, [at("a", 10, 0, 4, 1)]);
    expect(codes(problems)).toEqual([{ path: "/widgets/0/w", code: "dashboard.outsideGrid" }]);
  });
});
