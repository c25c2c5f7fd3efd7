import type { JsonObject } from "@tessera/metadata";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

// The whole designer renders in these tests; on a busy machine the first paint takes seconds.

const siteVisit: JsonObject = {
  kind: "object",
  name: "siteVisit",
  label: { en: "Site Visit" },
  pluralLabel: { en: "Site Visits" },
  recordName: "name",
  sharingModel: "private",
  fields: [
    { name: "name", type: "text", label: { en: "Name" }, required: true },
    { name: "notes", type: "textarea", label: { en: "Notes" } },
    { name: "visitDate", type: "date", label: { en: "Visit date" } },
  ],
};

const rect = (left: number, top: number, width: number, height: number) => ({
  x: left,
  y: top,
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
  toJSON: () => ({}),
});

/**
 * happy-dom lays nothing out (every rect is empty), and dnd-kit's keyboard sensor moves between
 * measured rects: the palette is given a column on the left and the rows a column on the right,
 * one under the other, with the end zone below the last row; the drag overlay starts where the
 * dragged item is.
 */
const layOut = () =>
  vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
    const dragged = this.getAttribute("data-dragged-row");
    if (dragged !== null) return rect(300, 100 + Number(dragged) * 40, 400, 36) as DOMRect;
    const row = this.closest("[data-sortable-id]")?.getAttribute("data-sortable-id");
    if (row !== null && row !== undefined && this.matches(".sortable-row")) {
      return rect(300, 100 + Number(row.split(":")[1]) * 40, 400, 36) as DOMRect;
    }
    if (this.matches(".field-list-end")) {
      return rect(300, 100 + document.querySelectorAll(".sortable-row").length * 40, 400, 36) as DOMRect;
    }
    if (this.matches(".palette-item")) return rect(0, 100, 180, 30) as DOMRect;
    if (this.matches(".drag-handle")) {
      const owner = this.closest("[data-sortable-id]")?.getAttribute("data-sortable-id") ?? "field:0";
      return rect(300, 100 + Number(owner.split(":")[1]) * 40, 20, 36) as DOMRect;
    }
    return rect(0, 0, 0, 0) as DOMRect;
  });

const press = async (element: Element | Document, code: string) => {
  await act(async () => {
    fireEvent.keyDown(element, { key: code === "Space" ? " " : code, code });
    // The keyboard sensor listens from the next tick after a drag starts.
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
};

const namesIn = (draft: FakeDraft) =>
  ((draft.get("object", "siteVisit")?.fields ?? []) as Array<{ name: string }>).map((f) => f.name);

describe("dragging with the keyboard", () => {
  beforeEach(() => {
    layOut();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("takes a field type from the palette into the list at the chosen position", async () => {
    const draft = new FakeDraft([siteVisit]);
    renderDesigner("/objects/siteVisit", draft);
    const date = await screen.findByRole("button", { name: "Add Date field" });
    date.focus();
    await press(date, "Space");
    await press(document, "ArrowDown");
    await press(document, "ArrowDown");
    await press(document, "Space");
    expect(await screen.findByRole("button", { name: "New Date field (newField)" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(namesIn(draft)).toEqual(["name", "newField", "notes", "visitDate"]));
  });

  it("reorders a field with its handle", async () => {
    const draft = new FakeDraft([siteVisit]);
    renderDesigner("/objects/siteVisit", draft);
    const handle = await screen.findByRole("button", { name: "Move Visit date" });
    handle.focus();
    await press(handle, "Space");
    await press(document, "ArrowUp");
    await press(document, "Space");
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(namesIn(draft)).toEqual(["name", "visitDate", "notes"]));
  });
});
