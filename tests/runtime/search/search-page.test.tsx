import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  bootstrapOf,
  type Call,
  company,
  deal,
  dealRecord,
  mockFetch,
  type Reply,
  renderAt,
  summaryOf,
} from "../lists/list-harness.js";

vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const secret = { ...company, name: "secret", label: { en: "Secret" }, pluralLabel: { en: "Secrets" } };

/** Deals and companies match; the secret object's search fails. */
const searchServer =
  (locale: "en" | "zh-CN" = "en") =>
  (call: Call): Reply | undefined => {
    if (call.path === "/api/v1/ui/bootstrap")
      return { body: bootstrapOf([summaryOf(deal), company, secret], locale) };
    if (call.path === "/api/v1/records/deal")
      return { body: { records: [dealRecord(1, { title: "Acme renewal" })], nextCursor: "more" } };
    if (call.path === "/api/v1/records/company")
      return { body: { records: [{ id: "c1", version: 1, name: "Acme Ltd" }], nextCursor: null } };
    if (call.path === "/api/v1/records/secret") return { status: 500, body: { title: "Broken" } };
    return undefined;
  };

describe("global search", () => {
  it("searches every readable object at once, a few hits each", async () => {
    const calls = mockFetch(searchServer());
    renderAt("/search?q=acme");
    await screen.findByRole("link", { name: "Acme renewal" });
    const searches = calls.filter((c) => c.path.startsWith("/api/v1/records/"));
    expect(searches.map((c) => [c.path, c.query.get("q"), c.query.get("limit")])).toEqual([
      ["/api/v1/records/deal", "acme", "5"],
      ["/api/v1/records/company", "acme", "5"],
      ["/api/v1/records/secret", "acme", "5"],
    ]);
  });

  it("groups hits by object with localised labels, linking to each record, and skips objects that fail", async () => {
    mockFetch(searchServer("zh-CN"));
    renderAt("/search?q=acme", "zh-CN");
    const deals = (await screen.findByRole("heading", { name: "交易" })).closest(".ant-card") as HTMLElement;
    expect(within(deals).getByRole("link", { name: "Acme renewal" }).getAttribute("href")).toBe("/o/deal/d1");
    expect(within(deals).getByRole("link", { name: "查看全部匹配的交易" }).getAttribute("href")).toBe(
      "/o/deal?q=acme",
    );
    expect(screen.getByRole("link", { name: "Acme Ltd" }).getAttribute("href")).toBe("/o/company/c1");
    expect(screen.queryByRole("heading", { name: "Secrets" })).toBeNull();
  });

  it("says so when nothing matches", async () => {
    mockFetch((call) =>
      call.path === "/api/v1/ui/bootstrap"
        ? { body: bootstrapOf([summaryOf(deal)]) }
        : { body: { records: [], nextCursor: null } },
    );
    renderAt("/search?q=zzz");
    expect(await screen.findByText("No results for “zzz”")).toBeTruthy();
  });

  it("searches again from its own box, kept in the URL", async () => {
    const calls = mockFetch(searchServer());
    renderAt("/search");
    expect(await screen.findByText("Type a word to search every object you can see.")).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith("/api/v1/records/"))).toBe(false);
    await userEvent.type(screen.getByRole("searchbox", { name: "Search all records" }), "acme{Enter}");
    await screen.findByRole("link", { name: "Acme renewal" });
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/search?q=acme"));
  });
});
