import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type Call,
  dealRecord,
  location,
  mockFetch,
  moduleUrl,
  pluginServer,
  renderAt,
  STARS_MODULE,
  widget,
} from "./plugin-harness.js";

const SLOW = { timeout: 20_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const created = (call: Call) =>
  call.method === "POST" && call.path === "/api/v1/records/deal"
    ? { status: 201, body: { id: "d7", version: 1 } }
    : undefined;

const saveButton = () => screen.getByRole("button", { name: /Save$/ });
const notice = () => document.querySelector(".plugin-widget-notice")?.textContent ?? null;

describe("a package's field widget in the form", SLOW, () => {
  it("replaces the field's input and writes the values it gives", async () => {
    const calls = mockFetch(pluginServer({ more: created }));
    renderAt("/o/deal/new");
    const stars = await screen.findByRole("group", { name: "Rating stars" });
    // The widget stands in for the number input; there is no other input for the field.
    expect(screen.queryByRole("spinbutton")).toBeNull();
    await userEvent.type(screen.getByLabelText("Deal name"), "Starred deal");
    await userEvent.click(within(stars).getByRole("button", { name: "4 stars" }));
    expect(within(stars).getByRole("button", { name: "4 stars" }).getAttribute("aria-pressed")).toBe("true");
    expect(within(stars).getByRole("button", { name: "5 stars" }).getAttribute("aria-pressed")).toBe("false");
    await userEvent.click(saveButton());
    await waitFor(() => expect(location()).toBe("/o/deal/d7"));
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ name: "Starred deal", rating: 4 });
  });

  it("shows the record's value in the widget when editing, and sends the change", async () => {
    const calls = mockFetch(
      pluginServer({
        more: (call) =>
          call.method === "PATCH" && call.path === "/api/v1/records/deal/d1"
            ? { body: dealRecord({ version: 4, rating: 5 }) }
            : undefined,
      }),
    );
    renderAt("/o/deal/d1/edit");
    const stars = await screen.findByRole("group", { name: "Rating stars" });
    expect(within(stars).getByRole("button", { name: "2 stars" }).getAttribute("aria-pressed")).toBe("true");
    expect(within(stars).getByRole("button", { name: "3 stars" }).getAttribute("aria-pressed")).toBe("false");
    await userEvent.click(within(stars).getByRole("button", { name: "5 stars" }));
    await userEvent.click(saveButton());
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ rating: 5 });
  });

  it("shows the base input while the module loads, then the widget", async () => {
    mockFetch(pluginServer());
    let resolve: (module: unknown) => void = () => {};
    const pending = new Promise<unknown>((r) => {
      resolve = r;
    });
    const load = vi.fn((_url: string) => pending);
    renderAt("/o/deal/new", load);
    const input = await screen.findByRole("spinbutton");
    expect(input.id).toBe("root_rating");
    expect(notice()).toBeNull();
    expect(load).toHaveBeenCalledWith(STARS_MODULE);
    resolve(await import(/* @vite-ignore */ STARS_MODULE));
    expect(await screen.findByRole("group", { name: "Rating stars" })).toBeTruthy();
    expect(screen.queryByRole("spinbutton")).toBeNull();
  });
});

describe("when the widget cannot be shown", SLOW, () => {
  it("falls back to the base input with a notice when the module fails to load, and the input still saves", async () => {
    const calls = mockFetch(pluginServer({ more: created }));
    renderAt("/o/deal/new", async () => {
      throw new Error("404 Not Found");
    });
    await waitFor(() =>
      expect(notice()).toBe("The ratings.stars input could not be loaded; a plain input is shown instead."),
    );
    await userEvent.type(screen.getByLabelText("Deal name"), "Plain deal");
    await userEvent.type(screen.getByRole("spinbutton"), "3");
    await userEvent.click(saveButton());
    await waitFor(() => expect(location()).toBe("/o/deal/d7"));
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ name: "Plain deal", rating: 3 });
  });

  it("falls back when the module does not export a widget", async () => {
    mockFetch(pluginServer({ widgets: [widget("stars", "field", moduleUrl("export const other = 1;"))] }));
    renderAt("/o/deal/new");
    await waitFor(() => expect(notice()).toContain("ratings.stars"));
    expect(screen.getByRole("spinbutton")).toBeTruthy();
    expect(screen.getByLabelText("Deal name")).toBeTruthy();
  });

  it("falls back when the widget throws while rendering, keeping the rest of the form", async () => {
    const throwing = moduleUrl(`export const widget = () => function Broken() { throw new Error("boom"); };`);
    vi.spyOn(console, "error").mockImplementation(() => {});
    mockFetch(pluginServer({ widgets: [widget("stars", "field", throwing)] }));
    renderAt("/o/deal/new");
    await waitFor(() => expect(notice()).toContain("ratings.stars"));
    expect(screen.getByRole("spinbutton")).toBeTruthy();
    expect(saveButton()).toBeTruthy();
  });

  it("falls back when the tenant has no such widget installed", async () => {
    const load = vi.fn(async (_url: string) => ({}));
    mockFetch(pluginServer({ widgets: [] }));
    renderAt("/o/deal/new", load);
    await waitFor(() => expect(notice()).toContain("ratings.stars"));
    expect(screen.getByRole("spinbutton")).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
  });

  it("says so in Chinese for a Chinese-speaking user", async () => {
    mockFetch(pluginServer({ locale: "zh-CN" }));
    renderAt("/o/deal/new", async () => {
      throw new Error("offline");
    });
    await waitFor(() => expect(notice()).toBe("无法加载 ratings.stars 输入控件，已改用普通输入框。"));
  });
});

describe("a package's field widget on the record page", SLOW, () => {
  it("shows the value with the same widget, read-only, in the user's language", async () => {
    mockFetch(pluginServer());
    renderAt("/o/deal/d1");
    const stars = await screen.findByTestId("stars");
    expect(stars.textContent).toBe("★★☆☆☆");
    expect(stars.getAttribute("data-locale")).toBe("en");
    expect(screen.queryByRole("button", { name: "3 stars" })).toBeNull();
  });

  it("shows the formatted value when the widget cannot be loaded", async () => {
    mockFetch(pluginServer({ records: [dealRecord({ rating: 4 })] }));
    renderAt("/o/deal/d1", async () => {
      throw new Error("offline");
    });
    await screen.findByRole("heading", { level: 2, name: "Big deal" });
    const rating = [...document.querySelectorAll(".record-field")].find(
      (row) => row.querySelector("dt")?.textContent === "Rating",
    );
    await waitFor(() => expect(rating?.querySelector("dd")?.textContent).toBe("4"));
    expect(screen.queryByTestId("stars")).toBeNull();
  });
});
