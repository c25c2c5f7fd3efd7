import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { possibleDuplicatesOf } from "../../../runtime/src/duplicates/duplicate-notice.js";
import { dealServer, dealUi, mockFetch, renderAt } from "../form/form-harness.js";

const SLOW = { timeout: 60_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const location = () => screen.getByTestId("location").textContent;
const saveButton = () => screen.getByRole("button", { name: /Save$/ });
const notice = () => document.querySelector<HTMLElement>('[data-testid="possible-duplicates"]');

const lookalikes = [
  { rule: "sameName", id: "d1", name: "Big deal (2019)" },
  { rule: "sameName", id: "d2", name: "Big Deal Ltd" },
];

describe("possible duplicates after a save", SLOW, () => {
  it("names the look-alikes an alert rule found when a record was created, linking to them", async () => {
    mockFetch(
      dealServer(dealUi(), (call) =>
        call.method === "POST" && call.path === "/api/v1/records/deal"
          ? { status: 201, body: { id: "d7", version: 1, name: "Big deal", _duplicates: lookalikes } }
          : undefined,
      ),
    );
    renderAt("/o/deal/new");
    await userEvent.type(await screen.findByLabelText("Deal name"), "Big deal");
    await userEvent.click(saveButton());
    // The record is saved and opened; the notice stays while the page moves on.
    await waitFor(() => expect(location()).toBe("/o/deal/d7"));
    await waitFor(() => expect(notice()).not.toBeNull());
    const shown = notice() as HTMLElement;
    expect(within(shown).getByText("Possible duplicates")).toBeTruthy();
    expect(within(shown).getByText("Saved. 2 existing records look like this one:")).toBeTruthy();
    expect(within(shown).getByRole("link", { name: "Big deal (2019)" }).getAttribute("href")).toBe(
      "/o/deal/d1",
    );
    expect(within(shown).getByRole("link", { name: "Big Deal Ltd" }).getAttribute("href")).toBe("/o/deal/d2");
  });

  it("names them after an edit too", async () => {
    mockFetch(
      dealServer(dealUi(), (call) => {
        if (call.method === "GET" && call.path === "/api/v1/records/deal/d1")
          return { body: { id: "d1", version: 3, name: "Big deal", amount: 100 } };
        if (call.method === "PATCH" && call.path === "/api/v1/records/deal/d1")
          return {
            body: { id: "d1", version: 4, name: "Big deal", amount: 250, _duplicates: [lookalikes[1]] },
          };
        return undefined;
      }),
    );
    renderAt("/o/deal/d1/edit");
    const amount = await screen.findByLabelText("Amount");
    await userEvent.clear(amount);
    await userEvent.type(amount, "250");
    await userEvent.click(saveButton());
    await waitFor(() => expect(notice()).not.toBeNull());
    expect(within(notice() as HTMLElement).getByRole("link", { name: "Big Deal Ltd" })).toBeTruthy();
  });

  it("stays silent when no rule matched", async () => {
    mockFetch(
      dealServer(dealUi(), (call) =>
        call.method === "POST" && call.path === "/api/v1/records/deal"
          ? { status: 201, body: { id: "d7", version: 1, name: "Big deal" } }
          : undefined,
      ),
    );
    renderAt("/o/deal/new");
    await userEvent.type(await screen.findByLabelText("Deal name"), "Big deal");
    await userEvent.click(saveButton());
    await waitFor(() => expect(location()).toBe("/o/deal/d7"));
    expect(notice()).toBeNull();
  });
});

describe("the duplicates a save answer carries", () => {
  it("are read from `_duplicates`, keeping only well-formed entries", () => {
    expect(
      possibleDuplicatesOf({
        id: "d7",
        _duplicates: [lookalikes[0], { id: 5, name: "bad id" }, null, { rule: "r", id: "d9" }],
      }),
    ).toEqual([lookalikes[0]]);
  });

  it("are none when the answer has none", () => {
    expect(possibleDuplicatesOf({ id: "d7" })).toEqual([]);
    expect(possibleDuplicatesOf({ id: "d7", _duplicates: "d1" })).toEqual([]);
    expect(possibleDuplicatesOf(undefined)).toEqual([]);
  });
});
