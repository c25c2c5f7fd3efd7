import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dealServer, dealUi, mockFetch, renderAt } from "./form-harness.js";

const SLOW = { timeout: 20_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const accountSearches = (calls: { method: string; path: string; query: URLSearchParams }[]) =>
  calls.filter((c) => c.method === "GET" && c.path === "/api/v1/records/account");

/** The open dropdown of a select (antd renders it in a portal). */
const listbox = () => screen.findByRole("listbox");

describe("lookup fields", SLOW, () => {
  it("searches the referenced records by what the user types and shows their names", async () => {
    const calls = mockFetch(dealServer(dealUi()));
    renderAt("/o/deal/new");
    const account = await screen.findByLabelText("Account");
    await userEvent.click(account);
    await userEvent.type(account, "aco");
    await waitFor(() => expect(accountSearches(calls).map((c) => c.query.get("q"))).toContain("aco"));
    const search = accountSearches(calls).find((c) => c.query.get("q") === "aco");
    expect(search?.query.get("limit")).toBe("20");
    expect(search?.query.get("fields")).toBe("name");
    expect(await within(await listbox()).findByText("Acorn Logistics")).toBeTruthy();
    await waitFor(() => expect(screen.queryByText("Acme Retail Group")).toBeNull());
  });

  it("keeps the chosen record's id as the value and shows its name", async () => {
    const calls = mockFetch(
      dealServer(dealUi(), (call) =>
        call.method === "POST" ? { status: 201, body: { id: "d9", version: 1 } } : undefined,
      ),
    );
    renderAt("/o/deal/new");
    await userEvent.type(await screen.findByLabelText("Deal name"), "Renewal");
    const account = screen.getByLabelText("Account");
    await userEvent.click(account);
    await userEvent.type(account, "nord");
    await userEvent.click(await screen.findByText("Nordic Energy"));
    await waitFor(() => expect(account.closest(".ant-select")?.textContent).toContain("Nordic Energy"));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ name: "Renewal", account: "a3" });
  });

  it("shows the name of a record given by id in the address (a related list's New)", async () => {
    const calls = mockFetch(dealServer(dealUi()));
    renderAt("/o/deal/new?account=a2&region=EMEA&amount=12.5&unknown=x");
    const account = await screen.findByLabelText("Account");
    await waitFor(() => expect(account.closest(".ant-select")?.textContent).toContain("Acorn Logistics"));
    expect(calls.some((c) => c.path === "/api/v1/records/account/a2")).toBe(true);
    expect((screen.getByLabelText("Region") as HTMLInputElement).value).toBe("EMEA");
    expect((screen.getByLabelText("Amount") as HTMLInputElement).value).toBe("12.50");
  });
});
