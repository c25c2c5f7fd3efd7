import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dealServer } from "./deal-fixture.js";
import { ME, mockFetch, renderAt } from "./record-harness.js";

// antd in happy-dom renders slowly when the machine is busy; these are not timing tests.
const SLOW = { timeout: 20_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const entries = [
  {
    field: "_created",
    oldValue: null,
    newValue: null,
    version: 1,
    changedAt: "2026-03-01T09:00:00.000Z",
    changedBy: ME.id,
  },
  {
    field: "amount",
    oldValue: 100,
    newValue: 12500,
    version: 2,
    changedAt: "2026-03-02T09:00:00.000Z",
    changedBy: ME.id,
  },
  {
    field: "stage",
    oldValue: "lost",
    newValue: "open",
    version: 3,
    changedAt: "2026-03-03T09:00:00.000Z",
    changedBy: "u-unknown",
  },
  {
    field: "secret",
    oldValue: "a",
    newValue: "b",
    version: 3,
    changedAt: "2026-03-03T09:00:00.000Z",
    changedBy: ME.id,
  },
];

describe("field history", SLOW, () => {
  it("lists changes newest first: field, old and new value formatted, who", async () => {
    mockFetch(
      dealServer({
        extra: (call) =>
          call.path === "/api/v1/records/deal/d1/history" ? { body: { entries } } : undefined,
      }),
    );
    renderAt("/o/deal/d1");
    await userEvent.click(await screen.findByRole("tab", { name: "History" }));
    const panel = await screen.findByRole("tabpanel", { name: "History" });
    await within(panel).findByText("Stage");
    const rows = within(panel)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .slice(1)
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ["Stage", "Lost → Open", "u-unknown"],
      ["Amount", "$100.00 → $12,500.00", ME.name],
      ["", "Record created", ME.name],
    ]);
  });
});
