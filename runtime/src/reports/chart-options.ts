import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption, PieSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import type { ChartModel } from "./chart-model.js";
import type { ChartTheme } from "./chart-theme.js";

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | FunnelSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** How a chart writes its figures: in full (tooltips) and short (value axis). */
export interface ChartFigures {
  tooltip: (value: unknown) => string;
  axis: (value: number) => string;
}

const common = (theme: ChartTheme) => ({
  color: theme.palette,
  textStyle: { fontFamily: theme.fontFamily, color: theme.text },
  // Short: a dashboard of many charts must not keep moving for seconds after it loads.
  animationDuration: 300,
});

const legend = (theme: ChartTheme): LegendComponentOption => ({
  type: "scroll",
  top: 0,
  textStyle: { color: theme.text },
});

const cartesian = (model: ChartModel, theme: ChartTheme, figures: ChartFigures): ChartOption => ({
  ...common(theme),
  grid: { left: 8, right: 16, top: model.series.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
  tooltip: { trigger: "axis", valueFormatter: figures.tooltip },
  ...(model.series.length > 1 && { legend: legend(theme) }),
  xAxis: {
    type: "category",
    data: model.categories,
    axisLabel: { color: theme.muted, hideOverlap: true },
    axisLine: { lineStyle: { color: theme.line } },
  },
  yAxis: {
    type: "value",
    axisLabel: { color: theme.muted, formatter: figures.axis },
    splitLine: { lineStyle: { color: theme.line } },
  },
});

/** Bars per group; with two groupings the second grouping's groups are stacked. */
export const barOption = (model: ChartModel, theme: ChartTheme, figures: ChartFigures): ChartOption => ({
  ...cartesian(model, theme, figures),
  series: model.series.map(
    (s): BarSeriesOption => ({
      type: "bar",
      name: s.name,
      data: s.values,
      barMaxWidth: 48,
      ...(model.series.length > 1 && { stack: "groups" }),
    }),
  ),
});

/** A line per series over the groups (a date bucket grouping reads left to right in time). */
export const lineOption = (model: ChartModel, theme: ChartTheme, figures: ChartFigures): ChartOption => ({
  ...cartesian(model, theme, figures),
  series: model.series.map(
    (s): LineSeriesOption => ({
      type: "line",
      name: s.name,
      data: s.values,
      symbolSize: 6,
      connectNulls: true,
    }),
  ),
});

// "-" is echarts' empty value: the group keeps its place (clicks map to groups by index).
const slices = (model: ChartModel): Array<{ name: string; value: number | "-" }> =>
  model.categories.map((name, index) => ({ name, value: model.series[0]?.values[index] ?? "-" }));

/** Each group's share of the total, as a ring. */
export const pieOption = (model: ChartModel, theme: ChartTheme, figures: ChartFigures): ChartOption => ({
  ...common(theme),
  tooltip: { trigger: "item", valueFormatter: figures.tooltip },
  legend: { type: "scroll", bottom: 0, textStyle: { color: theme.text } },
  series: [
    {
      type: "pie",
      name: model.measure.label,
      radius: ["35%", "60%"],
      center: ["50%", "45%"],
      itemStyle: { borderColor: theme.background, borderWidth: 2 },
      // Name and share on two lines, wrapped rather than cut: labels sit beside a narrow ring.
      label: { color: theme.text, formatter: "{b}\n{d}%", overflow: "break" },
      data: slices(model),
    },
  ],
});

/** Stages in the report's own order (a pipeline reads top to bottom), not sorted by size. */
export const funnelOption = (model: ChartModel, theme: ChartTheme, figures: ChartFigures): ChartOption => ({
  ...common(theme),
  tooltip: { trigger: "item", valueFormatter: figures.tooltip },
  series: [
    {
      type: "funnel",
      name: model.measure.label,
      sort: "none",
      left: "10%",
      width: "80%",
      top: 8,
      bottom: 8,
      minSize: "10%",
      gap: 2,
      label: { show: true, position: "inside", formatter: "{b}", color: theme.background },
      itemStyle: { borderColor: theme.background, borderWidth: 1 },
      data: slices(model),
    },
  ],
});
