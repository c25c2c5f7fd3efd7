import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Call, mockFetch, renderAt, serve } from "./report-harness.js";

const SLOW = { timeout: 30_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const catalog = (call: Call) => {
  if (call.path === "/api/v1/reports")
    return {
      body: {
        reports: [
          {
            name: "pipelineByStage",
            label: { en: "Pipeline by stage", "zh-CN": "按阶段的销售管道" },
            object: "opportunity",
            description: { en: "Open opportunities by stage" },
          },
          { name: "leadsBySource", label: "Leads by source", object: "lead" },
        ],
      },
    };
  if (call.path === "/api/v1/dashboards")
    return {
      body: {
        dashboards: [
          {
            name: "salesDashboard",
            label: { en: "Sales dashboard", "zh-CN": "销售仪表板" },
            description: { en: "Pipeline, wins and leads" },
          },
        ],
      },
    };
  return undefined;
};

const openReports = async (title = "Reports") => {
  renderAt("/reports");
  await screen.findByRole("heading", { level: 2, name: title });
};

describe("reports page", SLOW, () => {
  it("lists the dashboards and the reports the user may use, with links", async () => {
    mockFetch(serve(catalog));
    await openReports();
    const dashboard = await screen.findByRole("link", { name: "Sales dashboard" });
    expect(dashboard.getAttribute("href")).toBe("/dashboards/salesDashboard");
    expect(screen.getByText("Pipeline, wins and leads")).toBeTruthy();
    const report = screen.getByRole("link", { name: "Pipeline by stage" });
    expect(report.getAttribute("href")).toBe("/reports/pipelineByStage");
    const row = report.closest("tr") as HTMLElement;
    expect(within(row).getByText("Opportunities")).toBeTruthy();
    expect(within(row).getByText("Open opportunities by stage")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Leads by source" }).getAttribute("href")).toBe(
      "/reports/leadsBySource",
    );
  });

  it("narrows both lists to what matches the search, by label, description or object", async () => {
    mockFetch(serve(catalog));
    await openReports();
    await screen.findByRole("link", { name: "Leads by source" });
    const search = screen.getByRole("searchbox", { name: "Search reports and dashboards" });
    await userEvent.type(search, "lead");
    await waitFor(() => expect(screen.queryByRole("link", { name: "Pipeline by stage" })).toBeNull());
    expect(screen.getByRole("link", { name: "Leads by source" })).toBeTruthy();
    // "leads" is in the dashboard's description.
    expect(screen.getByRole("link", { name: "Sales dashboard" })).toBeTruthy();
    await userEvent.clear(search);
    await userEvent.type(search, "opportunities");
    await waitFor(() => expect(screen.queryByRole("link", { name: "Leads by source" })).toBeNull());
    expect(screen.getByRole("link", { name: "Pipeline by stage" })).toBeTruthy();
    expect(screen.getByText("Nothing matches “opportunities”")).toBeTruthy();
  });

  it("says so when there is nothing to show", async () => {
    mockFetch(
      serve((call) =>
        call.path === "/api/v1/reports"
          ? { body: { reports: [] } }
          : call.path === "/api/v1/dashboards"
            ? { body: { dashboards: [] } }
            : undefined,
      ),
    );
    await openReports();
    expect(await screen.findByText("No reports")).toBeTruthy();
    expect(screen.getByText("No dashboards")).toBeTruthy();
  });

  it("shows labels and texts in zh-CN", async () => {
    mockFetch(serve(catalog, "zh-CN"));
    await openReports("报表");
    expect(await screen.findByRole("link", { name: "销售仪表板" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "按阶段的销售管道" })).toBeTruthy();
    expect(screen.getByRole("searchbox", { name: "搜索报表和仪表板" })).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "对象" })).toBeTruthy();
  });
});
