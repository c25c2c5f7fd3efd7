import type { ReportResult } from "./report-api.js";
import { useReportText } from "./report-texts.js";
import { useFigureText } from "./use-figure-text.js";

/** The attributes a figure's element carries: which measure, and the raw value (browser tests read it). */
export const figureAttributes = (measure: number, value: number | string | null | undefined) => ({
  className: "report-figure",
  "data-figure": String(measure),
  "data-value": value === null || value === undefined ? "" : String(value),
});

/** The key of a result row, stable across reloads of the same report. */
export const rowKey = (row: { keys: unknown[] }): string => JSON.stringify(row.keys);

/** The name of a group: its labels, the second grouping's after the first's. */
export const groupName = (row: { labels: string[] }): string => row.labels.join(" / ");

/**
 * Every figure of a result as a table for screen readers, beside a chart or a key figure that
 * shows them only visually: one row per group (its labels as row headers), then the totals.
 */
export const FiguresTable = ({ result, caption }: { result: ReportResult; caption: string }) => {
  const t = useReportText();
  const figure = useFigureText();
  const grouped = result.groupings.length > 0;
  return (
    <table className="visually-hidden" data-figures="">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {grouped ? (
            result.groupings.map((g) => (
              <th key={g.field} scope="col">
                {g.label}
              </th>
            ))
          ) : (
            <td />
          )}
          {result.measures.map((m, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: measures are positional in a report
            <th key={index} scope="col">
              {m.label}
            </th>
          ))}
        </tr>
      </thead>
      {grouped && (
        <tbody>
          {result.rows.map((row) => (
            <tr key={rowKey(row)} data-group={groupName(row)}>
              {row.labels.map((text, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one header per grouping, in order
                <th key={index} scope="row">
                  {text}
                </th>
              ))}
              {result.measures.map((m, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: measures are positional in a report
                <td key={index} {...figureAttributes(index, row.values[index])}>
                  {figure(row.values[index], m)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      )}
      <tfoot>
        <tr data-total="">
          <th scope="row" colSpan={Math.max(1, result.groupings.length)}>
            {t("report.total")}
          </th>
          {result.measures.map((m, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: measures are positional in a report
            <td key={index} {...figureAttributes(index, result.totals[index])}>
              {figure(result.totals[index], m)}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
};
