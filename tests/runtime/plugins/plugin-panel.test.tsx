import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isApiPath } from "../../../runtime/src/plugins/panel-api.js";
import { layoutWith, mockFetch, pluginServer, renderAt } from "./plugin-harness.js";

const SLOW = { timeout: 20_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const withPanel = (widget: string) =>
  layoutWith({
    sections: [
      { id: "main", label: { en: "Deal" }, columns: 1, items: [{ field: "name" }] },
      { id: "score", type: "panel", widget, label: { en: "Deal score" }, columns: 1, items: [] },
    ],
  });

const scoreServer = () =>
  pluginServer({
    layout: withPanel("ratings.score"),
    more: (call) =>
      call.method === "GET" && call.path === "/api/v1/records/deal/d1/score"
        ? { body: { score: 87 } }
        : undefined,
  });

describe("a panel section on the record page", SLOW, () => {
  it("draws the package's panel widget in its section with the record, object and locale", async () => {
    mockFetch(scoreServer());
    renderAt("/o/deal/d1");
    expect(await screen.findByText("deal Big deal in en")).toBeTruthy();
    expect(screen.getByRole("button", { name: /Deal score/ })).toBeTruthy();
    // The other sections are there as before.
    expect(screen.getByText("Deal name")).toBeTruthy();
  });

  it("gives the panel the API with the user's session", async () => {
    const calls = mockFetch(scoreServer());
    renderAt("/o/deal/d1");
    await userEvent.click(await screen.findByRole("button", { name: "Load score" }));
    expect(await screen.findByText("score 87")).toBeTruthy();
    const call = calls.find((c) => c.path === "/api/v1/records/deal/d1/score");
    expect(call?.headers.authorization).toBe("Bearer test-token");
  });

  it("refuses the panel's requests outside /api/v1, sending nothing", async () => {
    const calls = mockFetch(scoreServer());
    renderAt("/o/deal/d1");
    await userEvent.click(await screen.findByRole("button", { name: "Call elsewhere" }));
    expect(await screen.findByText(/^refused: Panels may only call \/api\/v1/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Climb out" }));
    await waitFor(() => expect(screen.getByText(/^refused: .*\/api\/v1\/\.\.\/\.\.\/admin/)).toBeTruthy());
    expect(calls.some((c) => !c.path.startsWith("/api/v1/") || c.path.includes("admin"))).toBe(false);
  });

  it("says the panel is unavailable when the tenant has no such widget, and shows the rest", async () => {
    mockFetch(pluginServer({ layout: withPanel("ratings.gauge") }));
    renderAt("/o/deal/d1");
    expect(await screen.findByText("This panel (ratings.gauge) is not available.")).toBeTruthy();
    expect(screen.getByText("Big deal", { selector: "dd span" })).toBeTruthy();
  });

  it("says the panel is unavailable when its module fails to load", async () => {
    mockFetch(pluginServer({ layout: withPanel("ratings.score") }));
    renderAt("/o/deal/d1", async () => {
      throw new Error("404");
    });
    expect(await screen.findByText("This panel (ratings.score) is not available.")).toBeTruthy();
  });

  it("does not take a field widget for a panel", async () => {
    mockFetch(pluginServer({ layout: withPanel("ratings.stars") }));
    renderAt("/o/deal/d1");
    expect(await screen.findByText("This panel (ratings.stars) is not available.")).toBeTruthy();
  });
});

describe("the paths a panel may call", () => {
  it("accepts API paths with a query", () => {
    expect(isApiPath("/api/v1/records/deal/d1")).toBe(true);
    expect(isApiPath("/api/v1/records/deal?q=a.b&limit=5")).toBe(true);
    expect(isApiPath("/api/v1/plugins/sales/leads/l1/convert")).toBe(true);
  });

  it("refuses anything that could leave the API", () => {
    for (const path of [
      "https://elsewhere.example/api/v1/x",
      "//elsewhere.example/api/v1/x",
      "/api/v2/records",
      "/api/v1/../auth/logout",
      "/api/v1/records/./x",
      "/api/v1/%2e%2e/x",
      "/api/v1/records%2F..%2Fadmin",
      "/api/v1//elsewhere",
      "/api/v1/records\\..\\x",
      "/api/v1/records #x",
      "/designer",
    ]) {
      expect(isApiPath(path), path).toBe(false);
    }
  });
});
