import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReportResult } from "../../../runtime/src/reports/report-api.js";
import { openPipelineTotal, pipelineByStage, wonByMonthAndOwner } from "./report-fixtures.js";
import { mockFetch, type Reply, renderAt, serve } from "./report-harness.js";

const SLOW = { timeout: 30_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const answering = (name: string, reply: Reply) =>
  serve((call) => (call.path === `/api/v1/reports/${name}/results` ? reply : undefined));

const openReport = async (result: ReportResult) => {
  mockFetch(answering(result.name, { body: result }));
  renderAt(`/reports/${result.name}`);
  await screen.findByRole("heading", { level: 2, name: result.label });
};

const figureIn = (group: string | null, measure: number) =>
  document.querySelector<HTMLElement>(
    `${group === null ? "tr[data-total]" : `tr[data-group="${group}"]`} [data-figure="${measure}"]`,
  );

describe("report page", SLOW, () => {
  it("shows the groups by the measures with a totals row, and a link to the records", async () => {
    await openReport(pipelineByStage());
    expect(figureIn("Prospecting", 0)?.textContent).toBe("CN¥120,000.00");
    expect(figureIn("Prospecting", 1)?.textContent).toBe("4");
    expect(figureIn(null, 0)?.textContent).toBe("CN¥250,000.50");
    expect(figureIn(null, 1)?.textContent).toBe("7");
    expect(screen.getByRole("link", { name: "Open the records" }).getAttribute("href")).toBe(
      "/o/opportunity",
    );
  });

  it("offers the charts that suit one grouping and the measures to plot", async () => {
    await openReport(pipelineByStage());
    const chartType = screen.getByRole("radiogroup", { name: "Chart type" });
    expect(
      within(chartType)
        .getAllByRole("radio")
        .map((r) => r.closest("label")?.textContent),
    ).toEqual(["Bar", "Line", "Pie", "Funnel"]);
    expect(within(chartType).getByRole("radio", { name: "Bar" })).toHaveProperty("checked", true);
    await userEvent.click(within(chartType).getByText("Funnel"));
    expect(within(chartType).getByRole("radio", { name: "Funnel" })).toHaveProperty("checked", true);
    expect(screen.getByRole("combobox", { name: "Measure" })).toBeTruthy();
  });

  it("starts a date grouping as a line and offers no pie or funnel for two groupings", async () => {
    await openReport(wonByMonthAndOwner());
    const chartType = screen.getByRole("radiogroup", { name: "Chart type" });
    expect(within(chartType).getAllByRole("radio")).toHaveLength(2);
    expect(within(chartType).getByRole("radio", { name: "Line" })).toHaveProperty("checked", true);
    expect(figureIn("Oct 2026 / Bo Chen", 0)?.textContent).toBe("CN¥2,000.00");
  });

  it("shows a report without groupings as its key figure and totals", async () => {
    await openReport(openPipelineTotal());
    expect(document.querySelector(".report-kpi-value")?.textContent).toBe("CN¥1,234,567.89");
    expect(figureIn(null, 1)?.textContent).toBe("42.5%");
    expect(screen.queryByRole("radiogroup", { name: "Chart type" })).toBeNull();
  });

  it("says the user has no access to a report whose fields they may not read", async () => {
    mockFetch(
      answering("pipelineByStage", { status: 403, body: { title: 'You may not read the field "amount"' } }),
    );
    renderAt("/reports/pipelineByStage");
    expect(await screen.findByText("You do not have access to this report's data")).toBeTruthy();
    expect(screen.getByText('You may not read the field "amount"')).toBeTruthy();
  });

  it("says an unknown report does not exist", async () => {
    mockFetch(serve(() => undefined));
    renderAt("/reports/nothing");
    expect(await screen.findByText("This page does not exist, or you may not see it.")).toBeTruthy();
  });
});
