import type { EChartsType } from "echarts/core";
import { useEffect, useRef } from "react";
import { useLocale } from "../i18n/locale-context.js";
import type { ChartOption } from "./chart-options.js";
import { initChart } from "./echarts-setup.js";

export interface ChartPoint {
  seriesIndex: number;
  dataIndex: number;
}

export interface ChartProps {
  option: ChartOption;
  /** CSS height of the drawing area; the width follows the container. */
  height: number | string;
  /** A click on a bar, point, slice or stage. */
  onSelect?: (point: ChartPoint) => void;
}

/**
 * An echarts chart on a div: drawn once the div has a size, redrawn when it is resized, disposed
 * when it leaves the page. Hidden from assistive technology: the figures are in a table beside it.
 */
export const Chart = ({ option, height, onSelect }: ChartProps) => {
  const { locale } = useLocale();
  const element = useRef<HTMLDivElement>(null);
  const instance = useRef<EChartsType | undefined>(undefined);
  const latest = useRef({ option, onSelect });
  latest.current = { option, onSelect };

  useEffect(() => {
    const node = element.current;
    if (node === null) return;
    // echarts cannot lay out on a div without a size (a hidden tab, a grid not yet laid out).
    const draw = () => {
      if (instance.current !== undefined) {
        instance.current.resize();
        return;
      }
      if (node.clientWidth === 0 || node.clientHeight === 0) return;
      const chart = initChart(node, locale);
      chart.setOption(latest.current.option);
      chart.on("click", (params) =>
        latest.current.onSelect?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex }),
      );
      instance.current = chart;
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.current?.dispose();
      instance.current = undefined;
    };
  }, [locale]);

  useEffect(() => {
    instance.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} className="report-chart" aria-hidden="true" style={{ height }} />;
};
