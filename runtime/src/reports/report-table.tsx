import { Table, type TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import { figureAttributes, groupName, rowKey } from "./figures-table.js";
import { groupListPath } from "./group-filter.js";
import type { ReportResult, ResultRow } from "./report-api.js";
import { useReportText } from "./report-texts.js";
import { useFigureText } from "./use-figure-text.js";

export interface ReportTableProps {
  result: ReportResult;
  /** Scroll height of the rows (the totals stay in view); the table grows when absent. */
  height?: number;
  /** Group labels link to the group's records. */
  drill?: boolean;
}

/** A report's groups by its measures, with a totals row over every matching record. */
export const ReportTable = ({ result, height, drill = true }: ReportTableProps) => {
  const t = useReportText();
  const figure = useFigureText();
  const grouped = result.groupings.length > 0;
  const groupColumns: TableColumnsType<ResultRow> = grouped
    ? result.groupings.map((g, index) => ({
        key: `group${index}`,
        title: g.label,
        render: (_, row) => {
          const text = row.labels[index] ?? "";
          const path = drill ? groupListPath(result, row.keys.slice(0, index + 1)) : undefined;
          return path === undefined ? (
            text
          ) : (
            <Link to={path} title={t("report.showGroup", { group: text })}>
              {text}
            </Link>
          );
        },
      }))
    : [{ key: "group", title: "", render: () => t("report.total") }];
  const measureColumns: TableColumnsType<ResultRow> = result.measures.map((m, index) => ({
    key: `measure${index}`,
    title: m.label,
    align: "right",
    onCell: (row) => figureAttributes(index, row.values[index]),
    render: (_, row) => figure(row.values[index], m),
  }));
  // Without groupings the totals are the only row.
  const rows: ResultRow[] = grouped ? result.rows : [{ keys: [], labels: [], values: result.totals }];
  return (
    <div data-figures="">
      <Table<ResultRow>
        size="small"
        rowKey={rowKey}
        dataSource={rows}
        columns={[...groupColumns, ...measureColumns]}
        pagination={false}
        locale={{ emptyText: t("report.empty") }}
        onRow={(row) =>
          grouped
            ? { className: "report-group", "data-group": groupName(row) }
            : { className: "report-total", "data-total": "" }
        }
        {...(height !== undefined && { scroll: { y: height } })}
        summary={() =>
          grouped && (
            <Table.Summary fixed>
              <Table.Summary.Row data-total="">
                <Table.Summary.Cell index={0} colSpan={result.groupings.length}>
                  <strong>{t("report.total")}</strong>
                </Table.Summary.Cell>
                {result.measures.map((m, index) => (
                  <Table.Summary.Cell
                    // biome-ignore lint/suspicious/noArrayIndexKey: measures are positional in a report
                    key={index}
                    index={result.groupings.length + index}
                    align="right"
                  >
                    <strong {...figureAttributes(index, result.totals[index])}>
                      {figure(result.totals[index], m)}
                    </strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
    </div>
  );
};
