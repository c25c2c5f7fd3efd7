import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

// The whole designer renders in these tests; on a busy machine the first paint takes seconds.

const role = (name: string, en: string, parent?: string) => ({
  kind: "role",
  name,
  label: { en },
  ...(parent !== undefined && { parent }),
});

const rect = (top: number) =>
  ({
    x: 0,
    y: top,
    left: 0,
    top,
    width: 400,
    height: 36,
    right: 400,
    bottom: top + 36,
    toJSON: () => ({}),
  }) as DOMRect;

/**
 * happy-dom lays nothing out, and dnd-kit's keyboard sensor moves between measured rects: the top
 * target and the role rows are stacked in page order, 40 px apart; a handle sits in its row.
 */
const layOut = () =>
  vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
    const row = this.matches(".role-row") ? this : this.closest(".role-row");
    if (row !== null) return rect(100 + [...document.querySelectorAll(".role-row")].indexOf(row) * 40);
    if (this.matches(".role-top")) return rect(50);
    return rect(0);
  });

const press = async (element: Element, code: string) => {
  await act(async () => {
    fireEvent.keyDown(element, { key: code === "Space" ? " " : code, code });
    // The keyboard sensor listens from the next tick after a drag starts.
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
};

describe("re-parenting by keyboard drag", () => {
  beforeEach(() => {
    layOut();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("drops a role on the row below it, which becomes its parent", async () => {
    // Page order: CEO, VP Sales, Sales East, VP Service.
    const draft = new FakeDraft([
      role("ceo", "CEO"),
      role("vpSales", "VP Sales", "ceo"),
      role("east", "Sales East", "vpSales"),
      role("vpService", "VP Service", "ceo"),
    ]);
    renderDesigner("/roles", draft);
    const handle = await screen.findByRole("button", { name: "Move Sales East" });
    handle.focus();
    await press(handle, "Space");
    await press(document.activeElement ?? handle, "ArrowDown");
    await press(document.activeElement ?? handle, "Space");
    expect(await screen.findByText("Sales East now reports to VP Service. Save to keep it.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(draft.get("role", "east")).toEqual(role("east", "Sales East", "vpService")));
  });

  it("refuses to drop a role on a role below it, with a message", async () => {
    const draft = new FakeDraft([
      role("ceo", "CEO"),
      role("vpSales", "VP Sales", "ceo"),
      role("east", "Sales East", "vpSales"),
    ]);
    renderDesigner("/roles", draft);
    const handle = await screen.findByRole("button", { name: "Move VP Sales" });
    handle.focus();
    await press(handle, "Space");
    await press(document.activeElement ?? handle, "ArrowDown");
    await press(document.activeElement ?? handle, "Space");
    expect(
      await screen.findByText(
        "VP Sales cannot report to Sales East: Sales East is below VP Sales, so the hierarchy would loop.",
      ),
    ).toBeTruthy();
    expect((screen.getByRole("button", { name: /Save/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
