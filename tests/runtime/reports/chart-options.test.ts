import { describe, expect, it } from "vitest";
import { chartModel, groupKeysAt } from "../../../runtime/src/reports/chart-model.js";
import {
  barOption,
  type ChartFigures,
  funnelOption,
  lineOption,
  pieOption,
} from "../../../runtime/src/reports/chart-options.js";
import type { ChartTheme } from "../../../runtime/src/reports/chart-theme.js";
import { leadsBySource, openPipelineTotal, pipelineByStage, wonByMonthAndOwner } from "./report-fixtures.js";

const THEME: ChartTheme = {
  palette: ["#1677ff", "#52c41a"],
  text: "#000",
  muted: "#666",
  line: "#eee",
  background: "#fff",
  fontFamily: "Inter",
};

const FIGURES: ChartFigures = { tooltip: (value) => `~${String(value)}`, axis: (value) => `#${value}` };

const COMMON = {
  color: ["#1677ff", "#52c41a"],
  textStyle: { fontFamily: "Inter", color: "#000" },
  animationDuration: 300,
};

describe("chart model", () => {
  it("makes the groups of one grouping the categories of one series of the chosen measure", () => {
    expect(chartModel(pipelineByStage(), 1)).toEqual({
      categories: ["Prospecting", "Proposal", "Negotiation"],
      categoryKeys: ["prospecting", "proposal", "negotiation"],
      series: [{ name: "Opportunities", values: [4, 2, 1] }],
      measure: { operation: "count", label: "Opportunities", format: "integer" },
    });
  });

  it("makes the second grouping's groups the series, with null where a pair has no row", () => {
    const model = chartModel(wonByMonthAndOwner(), 0);
    expect(model.categories).toEqual(["Oct 2026", "Nov 2026"]);
    expect(model.categoryKeys).toEqual(["2026-10", "2026-11"]);
    expect(model.series).toEqual([
      { name: "Ann Lee", key: "u1", values: [1000, null] },
      { name: "Bo Chen", key: "u2", values: [2000, 500] },
    ]);
  });

  it("plots the total as the only category without groupings", () => {
    const model = chartModel(openPipelineTotal(), 0);
    expect(model.categories).toEqual(["Open amount"]);
    expect(model.series).toEqual([{ name: "Open amount", values: [1234567.891] }]);
  });

  it("falls back to the first measure for an index the report does not have", () => {
    expect(chartModel(pipelineByStage(), 4).measure.label).toBe("Amount");
  });

  it("finds the group keys of a clicked element: the category, and the series with two groupings", () => {
    const one = chartModel(leadsBySource(), 0);
    expect(groupKeysAt(one, { seriesIndex: 0, dataIndex: 0 }, 1)).toEqual([null]);
    expect(groupKeysAt(one, { seriesIndex: 0, dataIndex: 2 }, 1)).toEqual(["referral"]);
    const two = chartModel(wonByMonthAndOwner(), 0);
    expect(groupKeysAt(two, { seriesIndex: 1, dataIndex: 1 }, 2)).toEqual(["2026-11", "u2"]);
    expect(
      groupKeysAt(chartModel(openPipelineTotal(), 0), { seriesIndex: 0, dataIndex: 0 }, 0),
    ).toBeUndefined();
  });
});

describe("bar option", () => {
  it("draws one bar series over the groups, figures formatted by the given functions", () => {
    expect(barOption(chartModel(pipelineByStage(), 0), THEME, FIGURES)).toEqual({
      ...COMMON,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: FIGURES.tooltip },
      xAxis: {
        type: "category",
        data: ["Prospecting", "Proposal", "Negotiation"],
        axisLabel: { color: "#666", hideOverlap: true },
        axisLine: { lineStyle: { color: "#eee" } },
      },
      yAxis: {
        type: "value",
        axisLabel: { color: "#666", formatter: FIGURES.axis },
        splitLine: { lineStyle: { color: "#eee" } },
      },
      series: [{ type: "bar", name: "Amount", data: [120000, 80000, 50000.5], barMaxWidth: 48 }],
    });
  });

  it("stacks the second grouping's series and shows a legend for them", () => {
    const option = barOption(chartModel(wonByMonthAndOwner(), 0), THEME, FIGURES);
    expect(option.legend).toEqual({ type: "scroll", top: 0, textStyle: { color: "#000" } });
    expect(option.grid).toEqual({ left: 8, right: 16, top: 40, bottom: 8, containLabel: true });
    expect(option.series).toEqual([
      { type: "bar", name: "Ann Lee", data: [1000, null], barMaxWidth: 48, stack: "groups" },
      { type: "bar", name: "Bo Chen", data: [2000, 500], barMaxWidth: 48, stack: "groups" },
    ]);
  });
});

describe("line option", () => {
  it("draws a line per series, unstacked, over the same axes as bars", () => {
    const option = lineOption(chartModel(wonByMonthAndOwner(), 0), THEME, FIGURES);
    expect(option.xAxis).toEqual({
      type: "category",
      data: ["Oct 2026", "Nov 2026"],
      axisLabel: { color: "#666", hideOverlap: true },
      axisLine: { lineStyle: { color: "#eee" } },
    });
    expect(option.series).toEqual([
      { type: "line", name: "Ann Lee", data: [1000, null], symbolSize: 6, connectNulls: true },
      { type: "line", name: "Bo Chen", data: [2000, 500], symbolSize: 6, connectNulls: true },
    ]);
  });
});

describe("pie option", () => {
  it("draws each group's share as a ring slice, with a legend below", () => {
    expect(pieOption(chartModel(leadsBySource(), 0), THEME, FIGURES)).toEqual({
      ...COMMON,
      tooltip: { trigger: "item", valueFormatter: FIGURES.tooltip },
      legend: { type: "scroll", bottom: 0, textStyle: { color: "#000" } },
      series: [
        {
          type: "pie",
          name: "Leads",
          radius: ["35%", "60%"],
          center: ["50%", "45%"],
          itemStyle: { borderColor: "#fff", borderWidth: 2 },
          label: { color: "#000", formatter: "{b}\n{d}%", overflow: "break" },
          data: [
            { name: "(empty)", value: 3 },
            { name: "Web", value: 10 },
            { name: "Referral", value: 5 },
          ],
        },
      ],
    });
  });

  it("keeps a group without a figure in its place as echarts' empty value", () => {
    const result = leadsBySource();
    result.rows[1] = { keys: ["web"], labels: ["Web"], values: [null] };
    const [series] = pieOption(chartModel(result, 0), THEME, FIGURES).series as Array<{ data: unknown }>;
    expect(series?.data).toEqual([
      { name: "(empty)", value: 3 },
      { name: "Web", value: "-" },
      { name: "Referral", value: 5 },
    ]);
  });
});

describe("funnel option", () => {
  it("draws the stages in the report's order, not sorted by size", () => {
    expect(funnelOption(chartModel(pipelineByStage(), 0), THEME, FIGURES)).toEqual({
      ...COMMON,
      tooltip: { trigger: "item", valueFormatter: FIGURES.tooltip },
      series: [
        {
          type: "funnel",
          name: "Amount",
          sort: "none",
          left: "10%",
          width: "80%",
          top: 8,
          bottom: 8,
          minSize: "10%",
          gap: 2,
          label: { show: true, position: "inside", formatter: "{b}", color: "#fff" },
          itemStyle: { borderColor: "#fff", borderWidth: 1 },
          data: [
            { name: "Prospecting", value: 120000 },
            { name: "Proposal", value: 80000 },
            { name: "Negotiation", value: 50000.5 },
          ],
        },
      ],
    });
  });
});
