import type { Dashboard } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, publish } from "../../security/support/org-admin.js";
import type { ApiClient } from "../support/api-client.js";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Json = Record<string, unknown>;
interface View {
  name: string;
  label: string;
  description?: string;
  columns: number;
  widgets: Array<{
    name: string;
    title: string;
    report: string;
    chart: string;
    x: number;
    y: number;
    w: number;
    h: number;
  }>;
  personalLayout: boolean;
}

// On the sales template's reports, which every test server's demo tenant has.
const board = (extra: Dashboard["widgets"] = []): Dashboard => ({
  kind: "dashboard",
  name: "boardOne",
  label: { en: "Board one", "zh-CN": "看板一" },
  description: { en: "For layout tests", "zh-CN": "布局测试" },
  columns: 4,
  widgets: [
    {
      name: "stages",
      title: { en: "Stages", "zh-CN": "阶段" },
      report: "pipelineByStage",
      chart: "bar",
      x: 0,
      y: 0,
      w: 2,
      h: 2,
    },
    { name: "total", report: "openPipelineTotal", chart: "kpi", x: 2, y: 0, w: 2, h: 2 },
    { name: "sources", report: "leadsBySource", chart: "pie", x: 0, y: 2, w: 4, h: 3 },
    ...extra,
  ],
});

const DEFAULT_PLACES = [
  { name: "stages", x: 0, y: 0, w: 2, h: 2 },
  { name: "total", x: 2, y: 0, w: 2, h: 2 },
  { name: "sources", x: 0, y: 2, w: 4, h: 3 },
];
// The two top widgets swapped and the pie made shorter.
const SWAPPED = [
  { name: "stages", x: 2, y: 0, w: 2, h: 2 },
  { name: "total", x: 0, y: 0, w: 2, h: 2 },
  { name: "sources", x: 0, y: 2, w: 4, h: 2 },
];

let t: TestServer;
let me: ApiClient;
let colleague: ApiClient;
let zh: ApiClient;

const path = (name = "boardOne") => `/api/v1/dashboards/${name}`;
const places = (view: View) => view.widgets.map(({ name, x, y, w, h }) => ({ name, x, y, w, h }));
const view = async (client: ApiClient, name = "boardOne"): Promise<View> => {
  const got = await client.get<View>(path(name));
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  return got.body;
};
const save = (client: ApiClient, body: unknown) => client.put<View>(`${path()}/layout`, body);

beforeAll(async () => {
  t = await startTestServer();
  await publish(t.admin, [board()]);
  me = (await createUser(t.admin, "demo", { username: "board.me" })).client;
  colleague = (await createUser(t.admin, "demo", { username: "board.colleague" })).client;
  zh = (await createUser(t.admin, "demo", { username: "board.zh" })).client;
  expect((await zh.put("/api/v1/ui/preferences", { locale: "zh-CN" })).status).toBe(200);
}, 60_000);

afterAll(async () => t?.close());

describe("dashboards", () => {
  it("lists every dashboard with its label in the caller's language", async () => {
    const listed = await me.get<{ dashboards: Json[] }>("/api/v1/dashboards");
    expect(listed.status).toBe(200);
    expect(listed.body.dashboards).toContainEqual({
      name: "boardOne",
      label: "Board one",
      description: "For layout tests",
    });
    expect(listed.body.dashboards.map((d) => d.name)).toContain("salesDashboard");
    const inChinese = await zh.get<{ dashboards: Json[] }>("/api/v1/dashboards");
    expect(inChinese.body.dashboards).toContainEqual({
      name: "boardOne",
      label: "看板一",
      description: "布局测试",
    });
  });

  it("shows a dashboard's widgets as published, titled by their report when they have no title", async () => {
    const shown = await view(me);
    expect(shown).toMatchObject({ name: "boardOne", label: "Board one", columns: 4, personalLayout: false });
    expect(shown.widgets.map((w) => [w.name, w.title, w.report, w.chart])).toEqual([
      ["stages", "Stages", "pipelineByStage", "bar"],
      ["total", "Open pipeline", "openPipelineTotal", "kpi"],
      ["sources", "Leads by source", "leadsBySource", "pie"],
    ]);
    expect(places(shown)).toEqual(DEFAULT_PLACES);
    expect((await view(zh)).widgets.map((w) => w.title)).toEqual(["阶段", "在途商机", "线索来源分布"]);
  });

  it("answers 404 for a dashboard that does not exist, on every route", async () => {
    expectProblem(await me.get(path("noSuchBoard")), 404);
    expectProblem(await me.put(`${path("noSuchBoard")}/layout`, { widgets: DEFAULT_PLACES }), 404);
    expectProblem(await me.request("DELETE", `${path("noSuchBoard")}/layout`), 404);
  });

  it("answers 401 without a session", async () => {
    const anonymous = t.anonymous();
    expectProblem(await anonymous.get("/api/v1/dashboards"), 401);
    expectProblem(await anonymous.get(path()), 401);
    expectProblem(await anonymous.put(`${path()}/layout`, { widgets: SWAPPED }), 401);
    expectProblem(await anonymous.request("DELETE", `${path()}/layout`), 401);
  });
});

describe("personal layouts", () => {
  it("saves the caller's layout and shows it to them only", async () => {
    const saved = await save(me, { widgets: SWAPPED });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.personalLayout).toBe(true);
    expect(places(saved.body)).toEqual(SWAPPED);
    const again = await view(me);
    expect(again.personalLayout).toBe(true);
    expect(places(again)).toEqual(SWAPPED);
    expect(places(await view(colleague))).toEqual(DEFAULT_PLACES);
  });

  it("keeps the widgets' order, titles and charts whatever order the layout lists them in", async () => {
    const reversed = [...SWAPPED].reverse();
    const saved = await save(me, { widgets: reversed });
    expect(saved.status).toBe(200);
    expect(saved.body.widgets.map((w) => [w.name, w.chart])).toEqual([
      ["stages", "bar"],
      ["total", "kpi"],
      ["sources", "pie"],
    ]);
    expect(places(saved.body)).toEqual(SWAPPED);
  });

  const refusals: Array<[string, unknown, string, string]> = [
    [
      "overlapping widgets",
      { widgets: [SWAPPED[0], { ...SWAPPED[1], x: 1 }, SWAPPED[2]] },
      "/widgets/1",
      "layout.overlap",
    ],
    [
      "a widget beyond the grid",
      { widgets: [SWAPPED[0], SWAPPED[1], { ...SWAPPED[2], x: 1 }] },
      "/widgets/2/w",
      "layout.outsideGrid",
    ],
    [
      "a negative position",
      { widgets: [{ ...SWAPPED[0], x: -1 }, SWAPPED[1], SWAPPED[2]] },
      "/widgets/0/x",
      "layout.outOfRange",
    ],
    [
      "a widget taller than 12",
      { widgets: [SWAPPED[0], SWAPPED[1], { ...SWAPPED[2], h: 13 }] },
      "/widgets/2/h",
      "layout.outOfRange",
    ],
    [
      "a position given as text",
      { widgets: [{ ...SWAPPED[0], y: "0" }, SWAPPED[1], SWAPPED[2]] },
      "/widgets/0/y",
      "layout.outOfRange",
    ],
    [
      "a fractional width",
      { widgets: [{ ...SWAPPED[0], w: 1.5 }, SWAPPED[1], SWAPPED[2]] },
      "/widgets/0/w",
      "layout.outOfRange",
    ],
    ["a missing widget", { widgets: [SWAPPED[0], SWAPPED[1]] }, "/widgets", "layout.missingWidget"],
    [
      "an unknown widget",
      { widgets: [SWAPPED[0], SWAPPED[1], { ...SWAPPED[2], name: "ghost" }] },
      "/widgets/2/name",
      "layout.unknownWidget",
    ],
    [
      "a widget placed twice",
      { widgets: [SWAPPED[0], { ...SWAPPED[0], y: 5 }, SWAPPED[1]] },
      "/widgets/1/name",
      "layout.duplicateWidget",
    ],
    [
      "an unknown member",
      { widgets: [{ ...SWAPPED[0], color: "red" }, SWAPPED[1], SWAPPED[2]] },
      "/widgets/0/color",
      "layout.unknownMember",
    ],
    ["an unknown top-level member", { widgets: SWAPPED, columns: 6 }, "/columns", "layout.unknownMember"],
    ["no widgets list", { positions: SWAPPED }, "/widgets", "layout.widgets"],
    [
      "more widgets than the dashboard has",
      { widgets: [...SWAPPED, SWAPPED[0]] },
      "/widgets",
      "layout.tooMany",
    ],
    [
      "a widget that is not an object",
      { widgets: ["stages", SWAPPED[1], SWAPPED[2]] },
      "/widgets/0",
      "layout.notAWidget",
    ],
  ];

  for (const [what, body, pointer, code] of refusals)
    it(`refuses ${what} with 422 at ${pointer}, keeping the saved layout`, async () => {
      expect((await save(me, { widgets: SWAPPED })).status).toBe(200);
      const refused = expectProblem(await save(me, body), 422);
      expect(refused.errors).toContainEqual(expect.objectContaining({ path: pointer, code }));
      const after = await view(me);
      expect(after.personalLayout).toBe(true);
      expect(places(after)).toEqual(SWAPPED);
    });

  it("refuses a body that is a list, saving nothing for a caller without a layout", async () => {
    expectProblem(await save(colleague, [SWAPPED]), 422);
    expect((await view(colleague)).personalLayout).toBe(false);
  });

  it("refuses unsafe keys at the edge (400), changing nothing", async () => {
    const body = `{"widgets": [], "__proto__": {"x": 1}}`;
    const refused = await me.request("PUT", `${path()}/layout`, body);
    expectProblem(refused, 400);
    expect(places(await view(me))).toEqual(SWAPPED);
  });

  it("resets to the dashboard's own layout, and resetting twice is fine", async () => {
    expect((await save(me, { widgets: SWAPPED })).status).toBe(200);
    const reset = await me.request<View>("DELETE", `${path()}/layout`);
    expect(reset.status).toBe(200);
    expect(reset.body.personalLayout).toBe(false);
    expect(places(reset.body)).toEqual(DEFAULT_PLACES);
    expect(places(await view(me))).toEqual(DEFAULT_PLACES);
    const again = await me.request<View>("DELETE", `${path()}/layout`);
    expect(again.status).toBe(200);
    expect(again.body.personalLayout).toBe(false);
  });

  it("stops applying a saved layout once the dashboard gains a widget it does not place", async () => {
    expect((await save(colleague, { widgets: SWAPPED })).status).toBe(200);
    await publish(t.admin, [
      board([{ name: "extra", report: "leadsBySource", chart: "table", x: 0, y: 5, w: 4, h: 2 }]),
    ]);
    const shown = await view(colleague);
    expect(shown.personalLayout).toBe(false);
    expect(places(shown)).toEqual([...DEFAULT_PLACES, { name: "extra", x: 0, y: 5, w: 4, h: 2 }]);
    await publish(t.admin, [board()]);
    expect(places(await view(colleague))).toEqual(SWAPPED);
  });
});
