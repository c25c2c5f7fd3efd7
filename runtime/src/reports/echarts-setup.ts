import type { Locale } from "@tessera/metadata";
import { BarChart, FunnelChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { type EChartsType, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Only what the report charts draw: the whole of echarts is several times larger.
use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** An echarts instance on `element`, drawn as SVG (sharp at any zoom, and no canvas needed). */
export const initChart = (element: HTMLElement, locale: Locale): EChartsType =>
  init(element, undefined, { renderer: "svg", locale: locale === "zh-CN" ? "ZH" : "EN" });
