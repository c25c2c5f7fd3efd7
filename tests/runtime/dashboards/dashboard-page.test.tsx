import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DashboardView } from "../../../runtime/src/dashboards/dashboard-api.js";
import type { ReportResult } from "../../../runtime/src/reports/report-api.js";
import { leadsBySource, openPipelineTotal, pipelineByStage } from "../reports/report-fixtures.js";
import { type Call, mockFetch, type Reply, renderAt, serve } from "../reports/report-harness.js";

// antd in happy-dom renders slowly when the machine is busy; these are not timing tests.
const SLOW = { timeout: 30_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const DESIGNED = {
  pipeline: { x: 0, y: 0, w: 6, h: 4 },
  openTotal: { x: 6, y: 0, w: 6, h: 2 },
  sources: { x: 6, y: 2, w: 6, h: 2 },
  stages: { x: 0, y: 4, w: 12, h: 3 },
} satisfies Record<string, Box>;

type Layout = Partial<Record<keyof typeof DESIGNED, Box>>;

// As the engine answers: labels and titles in the caller's language (strings).
const dashboard = (layout: Layout = DESIGNED, personalLayout = false, zh = false): DashboardView => ({
  name: "salesDashboard",
  label: zh ? "销售仪表板" : "Sales dashboard",
  columns: 12,
  personalLayout,
  widgets: [
    {
      name: "pipeline",
      report: "pipelineByStage",
      chart: "funnel",
      ...(layout.pipeline ?? DESIGNED.pipeline),
    },
    {
      name: "openTotal",
      title: zh ? "未结商机" : "Open pipeline",
      report: "openPipelineTotal",
      chart: "kpi",
      ...(layout.openTotal ?? DESIGNED.openTotal),
    },
    { name: "sources", report: "leadsBySource", chart: "pie", ...(layout.sources ?? DESIGNED.sources) },
    {
      name: "stages",
      // A title as metadata's localized text is understood too.
      title: { en: "Stages", "zh-CN": "阶段" },
      report: "pipelineByStage",
      chart: "table",
      ...(layout.stages ?? DESIGNED.stages),
    },
  ],
});

const RESULTS: Record<string, () => ReportResult> = {
  pipelineByStage,
  openPipelineTotal,
  leadsBySource,
};

interface Answers {
  view?: DashboardView;
  results?: Record<string, Reply>;
  layout?: (call: Call) => Reply;
}

const answers =
  ({ view = dashboard(), results = {}, layout }: Answers = {}) =>
  (call: Call): Reply | undefined => {
    if (call.path === "/api/v1/dashboards/salesDashboard" && call.method === "GET") return { body: view };
    if (call.path === "/api/v1/dashboards/salesDashboard/layout" && layout !== undefined) return layout(call);
    const report = /^\/api\/v1\/reports\/(\w+)\/results$/.exec(call.path)?.[1];
    if (report !== undefined) {
      const reply = results[report];
      if (reply !== undefined) return reply;
      const result = RESULTS[report];
      return result === undefined ? undefined : { body: result() };
    }
    return undefined;
  };

const widget = (name: string) => {
  const found = document.querySelector<HTMLElement>(`[data-widget="${name}"]`);
  if (found === null) throw new Error(`no widget ${name}`);
  return found;
};

const figure = (name: string, group: string | null, measure: number) => {
  const row = group === null ? "tr[data-total]" : `tr[data-group="${group}"]`;
  return widget(name).querySelector<HTMLElement>(`${row} [data-figure="${measure}"]`);
};

const cellOf = (name: string) => {
  const cell = document.querySelector<HTMLElement>(`[data-cell="${name}"]`);
  if (cell === null) throw new Error(`no cell ${name}`);
  return {
    x: Number(cell.dataset.x),
    y: Number(cell.dataset.y),
    w: Number(cell.dataset.w),
    h: Number(cell.dataset.h),
  };
};

const openDashboard = async (locale: "en" | "zh-CN" = "en") => {
  renderAt("/dashboards/salesDashboard");
  await screen.findByRole("heading", {
    level: 2,
    name: locale === "en" ? "Sales dashboard" : "销售仪表板",
  });
  await waitFor(() => expect(document.querySelectorAll('[data-state="loading"]')).toHaveLength(0));
};

const ready = async () => {
  await waitFor(() => expect(widget("sources").dataset.state).toBe("ready"));
};

describe("dashboard widgets", SLOW, () => {
  it("shows each widget's figures from its report, in a table beside the chart", async () => {
    const calls = mockFetch(serve(answers()));
    await openDashboard();
    expect(figure("pipeline", "Prospecting", 0)?.textContent).toBe("CN¥120,000.00");
    expect(figure("pipeline", "Negotiation", 1)?.textContent).toBe("1");
    expect(figure("pipeline", null, 0)?.textContent).toBe("CN¥250,000.50");
    expect(figure("pipeline", null, 0)?.dataset.value).toBe("250000.5");
    expect(figure("sources", "(empty)", 0)?.textContent).toBe("3");
    expect(figure("sources", null, 0)?.textContent).toBe("18");
    expect(within(widget("pipeline")).getByRole("heading", { level: 3 }).textContent).toBe(
      "Pipeline by stage",
    );
    expect(within(widget("pipeline")).getByRole("table").querySelector("caption")?.textContent).toBe(
      "Pipeline by stage",
    );
    expect(widget("pipeline").dataset.chart).toBe("funnel");
    // Two widgets of one report: each loads it.
    expect(calls.filter((c) => c.path === "/api/v1/reports/pipelineByStage/results")).toHaveLength(2);
  });

  it("shows a key figure as a large number in the measure's format, named by the widget's title", async () => {
    mockFetch(serve(answers()));
    await openDashboard();
    const kpi = widget("openTotal");
    expect(within(kpi).getByRole("heading", { level: 3 }).textContent).toBe("Open pipeline");
    expect(kpi.querySelector(".report-kpi-value")?.textContent).toBe("CN¥1,234,567.89");
    expect(kpi.querySelector(".report-kpi-label")?.textContent).toBe("Open amount");
    expect(figure("openTotal", null, 1)?.textContent).toBe("42.5%");
  });

  it("shows a table widget's groups by measures with a totals row", async () => {
    mockFetch(serve(answers()));
    await openDashboard();
    const table = widget("stages");
    expect(figure("stages", "Proposal", 0)?.textContent).toBe("CN¥80,000.00");
    expect(figure("stages", "Proposal", 1)?.textContent).toBe("2");
    expect(figure("stages", null, 1)?.textContent).toBe("7");
    expect(within(table).getByRole("columnheader", { name: "Amount" })).toBeTruthy();
  });

  it("says so on the one widget whose report the user may not see; the others keep their figures", async () => {
    mockFetch(
      serve(
        answers({
          results: {
            leadsBySource: {
              status: 403,
              body: { title: 'You may not read the field "source"', errors: [] },
            },
          },
        }),
      ),
    );
    await openDashboard();
    const sources = widget("sources");
    expect(sources.dataset.state).toBe("error");
    expect(within(sources).getByText("You do not have access to this report's data")).toBeTruthy();
    expect(sources.querySelector("[data-figure]")).toBeNull();
    expect(widget("pipeline").dataset.state).toBe("ready");
    expect(figure("pipeline", "Proposal", 0)?.textContent).toBe("CN¥80,000.00");
  });

  it("offers a retry on a widget whose report failed, and shows its figures once it loads", async () => {
    let fail = true;
    mockFetch(
      serve((call) => {
        if (call.path === "/api/v1/reports/leadsBySource/results" && fail) {
          fail = false;
          return { status: 500, body: { title: "Database unavailable" } };
        }
        return answers()(call);
      }),
    );
    await openDashboard();
    const sources = widget("sources");
    expect(within(sources).getByText("This widget could not be loaded")).toBeTruthy();
    await userEvent.click(within(sources).getByRole("button", { name: "Retry" }));
    await ready();
    expect(figure("sources", "Web", 0)?.textContent).toBe("10");
  });

  it("shows an empty state for a report without groups", async () => {
    mockFetch(
      serve(answers({ results: { leadsBySource: { body: { ...leadsBySource(), rows: [], totals: [0] } } } })),
    );
    await openDashboard();
    await waitFor(() => expect(widget("sources").dataset.state).toBe("empty"));
    expect(within(widget("sources")).getByText("No data to show")).toBeTruthy();
  });

  it("links a table group to the object's records filtered to that group", async () => {
    mockFetch(serve(answers()));
    await openDashboard();
    await userEvent.click(within(widget("stages")).getByRole("link", { name: "Proposal" }));
    expect((await screen.findByTestId("location")).textContent).toBe(
      `/o/opportunity?filter=${encodeURIComponent('{"==":[{"var":"stage"},"proposal"]}')}`,
    );
  });

  it("places widgets on the grid as the dashboard says", async () => {
    mockFetch(serve(answers({ view: dashboard({ sources: { x: 0, y: 7, w: 4, h: 3 } }, true) })));
    await openDashboard();
    expect(cellOf("sources")).toEqual({ x: 0, y: 7, w: 4, h: 3 });
    expect(screen.getByText("Your layout")).toBeTruthy();
  });
});

describe("editing the layout", SLOW, () => {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  /** Picks a widget up with the keyboard, presses the keys, drops it. */
  const keyboardMove = async (title: string, keys: string) => {
    const handle = screen.getByRole("button", { name: `Move ${title}` });
    handle.focus();
    await userEvent.keyboard("[Space]");
    await waitFor(() => expect(handle.getAttribute("aria-pressed")).toBe("true"));
    await pause();
    await userEvent.keyboard(keys);
    await userEvent.keyboard("[Space]");
    await waitFor(() => expect(handle.getAttribute("aria-pressed")).not.toBe("true"));
  };

  it("moves a widget with the keyboard, pushes what it lands on down, and saves the layout", async () => {
    const calls = mockFetch(
      serve(
        answers({
          layout: (call) =>
            call.method === "PUT"
              ? {
                  body: dashboard(
                    Object.fromEntries(
                      (call.body as { widgets: Array<Box & { name: string }> }).widgets.map((w) => [
                        w.name,
                        w,
                      ]),
                    ),
                    true,
                  ),
                }
              : { status: 405 },
        }),
      ),
    );
    await openDashboard();
    await ready();
    await userEvent.click(screen.getByRole("button", { name: "Edit layout" }));
    await keyboardMove("Leads by source", "[ArrowDown][ArrowDown]");
    expect(cellOf("sources")).toEqual({ x: 6, y: 4, w: 6, h: 2 });
    expect(cellOf("stages")).toEqual({ x: 0, y: 6, w: 12, h: 3 });
    expect(await screen.findByText("Leads by source dropped at column 7, row 5.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Save layout" }));
    await screen.findByRole("button", { name: "Edit layout" });
    const put = calls.find((c) => c.method === "PUT");
    expect(put?.path).toBe("/api/v1/dashboards/salesDashboard/layout");
    expect(put?.body).toEqual({
      widgets: [
        { name: "pipeline", x: 0, y: 0, w: 6, h: 4 },
        { name: "openTotal", x: 6, y: 0, w: 6, h: 2 },
        { name: "sources", x: 6, y: 4, w: 6, h: 2 },
        { name: "stages", x: 0, y: 6, w: 12, h: 3 },
      ],
    });
    expect(screen.getByText("Your layout")).toBeTruthy();
    expect(cellOf("sources")).toEqual({ x: 6, y: 4, w: 6, h: 2 });
  });

  it("moves a widget left with the arrow keys, kept inside the grid", async () => {
    mockFetch(serve(answers()));
    await openDashboard();
    await ready();
    await userEvent.click(screen.getByRole("button", { name: "Edit layout" }));
    await keyboardMove("Open pipeline", "[ArrowLeft][ArrowLeft][ArrowUp]");
    expect(cellOf("openTotal")).toEqual({ x: 4, y: 0, w: 6, h: 2 });
    expect(cellOf("pipeline")).toEqual({ x: 0, y: 2, w: 6, h: 4 });
  });

  it("moves a widget dragged by its handle with a pointer, by whole rows", async () => {
    mockFetch(serve(answers()));
    await openDashboard();
    await ready();
    await userEvent.click(screen.getByRole("button", { name: "Edit layout" }));
    const handle = screen.getByRole("button", { name: "Move Open pipeline" });
    // One row is 80 px and the gap 16 px: 192 px down is two rows. The first move past 4 px
    // picks the widget up; the next ones move it.
    await userEvent.pointer([
      { keys: "[MouseLeft>]", target: handle, coords: { clientX: 0, clientY: 0 } },
      { target: handle, coords: { clientX: 0, clientY: 10 } },
      { target: handle, coords: { clientX: 0, clientY: 192 } },
      { keys: "[/MouseLeft]", target: handle, coords: { clientX: 0, clientY: 192 } },
    ]);
    await waitFor(() => expect(cellOf("openTotal")).toEqual({ x: 6, y: 2, w: 6, h: 2 }));
    expect(cellOf("sources")).toEqual({ x: 6, y: 4, w: 6, h: 2 });
    expect(cellOf("stages")).toEqual({ x: 0, y: 6, w: 12, h: 3 });
  });

  it("resizes a widget dragged by its corner with a pointer", async () => {
    mockFetch(serve(answers()));
    await openDashboard();
    await ready();
    await userEvent.click(screen.getByRole("button", { name: "Edit layout" }));
    const corner = screen.getByRole("button", { name: "Resize Leads by source" });
    await userEvent.pointer([
      { keys: "[MouseLeft>]", target: corner, coords: { clientX: 0, clientY: 0 } },
      // The first move past 4 px picks the corner up; the next ones resize.
      { target: corner, coords: { clientX: 0, clientY: 10 } },
      { target: corner, coords: { clientX: 0, clientY: 96 } },
      { keys: "[/MouseLeft]", target: corner, coords: { clientX: 0, clientY: 96 } },
    ]);
    await waitFor(() => expect(cellOf("sources")).toEqual({ x: 6, y: 2, w: 6, h: 3 }));
    expect(cellOf("stages")).toEqual({ x: 0, y: 5, w: 12, h: 3 });
  });

  it("resizes a widget with Shift and the arrow keys", async () => {
    const calls = mockFetch(
      serve(answers({ layout: (call) => ({ body: dashboard(DESIGNED, call.method === "PUT") }) })),
    );
    await openDashboard();
    await ready();
    await userEvent.click(screen.getByRole("button", { name: "Edit layout" }));
    screen.getByRole("button", { name: "Resize Pipeline by stage" }).focus();
    await userEvent.keyboard("{Shift>}[ArrowDown][ArrowLeft]{/Shift}");
    expect(cellOf("pipeline")).toEqual({ x: 0, y: 0, w: 5, h: 5 });
    expect(cellOf("stages")).toEqual({ x: 0, y: 5, w: 12, h: 3 });
    expect(screen.getByText("Pipeline by stage is 5 columns wide and 5 rows high.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Save layout" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    expect(calls.find((c) => c.method === "PUT")?.body).toMatchObject({
      widgets: [
        { name: "pipeline", x: 0, y: 0, w: 5, h: 5 },
        {},
        {},
        { name: "stages", x: 0, y: 5, w: 12, h: 3 },
      ],
    });
  });

  it("cancels the edit: the widgets go back and nothing is saved", async () => {
    const calls = mockFetch(serve(answers()));
    await openDashboard();
    await ready();
    await userEvent.click(screen.getByRole("button", { name: "Edit layout" }));
    await keyboardMove("Leads by source", "[ArrowDown]");
    expect(cellOf("sources").y).toBe(3);
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(cellOf("sources")).toEqual({ x: 6, y: 2, w: 6, h: 2 });
    expect(screen.queryByRole("button", { name: "Move Leads by source" })).toBeNull();
    expect(calls.filter((c) => c.method !== "GET")).toEqual([]);
  });

  it("resets the user's own layout to the dashboard's", async () => {
    const calls = mockFetch(
      serve(
        answers({
          view: dashboard({ sources: { x: 0, y: 7, w: 4, h: 3 } }, true),
          layout: (call) => (call.method === "DELETE" ? { body: dashboard() } : { status: 405 }),
        }),
      ),
    );
    await openDashboard();
    await userEvent.click(screen.getByRole("button", { name: "Edit layout" }));
    await userEvent.click(screen.getByRole("button", { name: "Reset layout" }));
    await screen.findByRole("button", { name: "Edit layout" });
    expect(calls.find((c) => c.method === "DELETE")?.path).toBe("/api/v1/dashboards/salesDashboard/layout");
    expect(cellOf("sources")).toEqual({ x: 6, y: 2, w: 6, h: 2 });
    expect(screen.queryByText("Your layout")).toBeNull();
  });

  it("offers no reset when the user has no layout of their own", async () => {
    mockFetch(serve(answers()));
    await openDashboard();
    await userEvent.click(screen.getByRole("button", { name: "Edit layout" }));
    expect(screen.queryByRole("button", { name: "Reset layout" })).toBeNull();
  });

  it("keeps editing and shows the server's reason when the layout is refused", async () => {
    mockFetch(
      serve(
        answers({
          layout: () => ({
            status: 422,
            body: {
              title: "Invalid layout",
              errors: [{ path: "/widgets/2", code: "dashboard.overlap", message: "Widgets overlap." }],
            },
          }),
        }),
      ),
    );
    await openDashboard();
    await userEvent.click(screen.getByRole("button", { name: "Edit layout" }));
    await userEvent.click(screen.getByRole("button", { name: "Save layout" }));
    expect(
      (await screen.findByText("Invalid layout Widgets overlap.")).closest('[role="alert"]'),
    ).toBeTruthy();
    // Still editing: the layout is not lost (antd's loading icon stays in the name while it fades out).
    expect(screen.getByText("Save layout").closest("button")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Move Leads by source" })).toBeTruthy();
  });
});

describe("dashboard in Chinese", SLOW, () => {
  it("shows the texts, figures and a refused widget's message in zh-CN", async () => {
    mockFetch(
      serve(
        answers({
          view: dashboard(DESIGNED, false, true),
          results: { leadsBySource: { status: 403, body: { title: "Forbidden", errors: [] } } },
        }),
        "zh-CN",
      ),
    );
    await openDashboard("zh-CN");
    expect(screen.getByRole("button", { name: "编辑布局" })).toBeTruthy();
    expect(within(widget("sources")).getByText("您无权访问此报表的数据")).toBeTruthy();
    expect(figure("pipeline", "Prospecting", 0)?.textContent).toBe("¥120,000.00");
    expect(widget("pipeline").querySelector("tr[data-total] th")?.textContent).toBe("合计");
    expect(within(widget("openTotal")).getByRole("heading", { level: 3 }).textContent).toBe("未结商机");
    await userEvent.click(screen.getByRole("button", { name: "编辑布局" }));
    expect(screen.getByRole("button", { name: "保存布局" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "移动“Pipeline by stage”" })).toBeTruthy();
  });
});
