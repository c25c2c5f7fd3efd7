import type { ReportResult } from "./report-api.js";
import { useFigureText } from "./use-figure-text.js";

/**
 * A report's total as one large figure with the measure's name under it. Read to assistive
 * technology from the figures table instead, which also names the report.
 */
export const KpiFigure = ({ result, measure }: { result: ReportResult; measure: number }) => {
  const figure = useFigureText();
  const index = result.measures[measure] === undefined ? 0 : measure;
  const m = result.measures[index];
  if (m === undefined) return null;
  return (
    <div className="report-kpi" aria-hidden="true">
      <span className="report-kpi-value">{figure(result.totals[index], m)}</span>
      <span className="report-kpi-label">{m.label}</span>
    </div>
  );
};
