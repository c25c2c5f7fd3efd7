import { act } from "@testing-library/react";
import { vi } from "vitest";

/**
 * happy-dom lays nothing out: give each sortable row a 40 px tall box in document order, so
 * dnd-kit's keyboard sensor finds the row below and drops on it. Undone by vi.restoreAllMocks().
 */
export const stubRowRects = () => {
  const original = Element.prototype.getBoundingClientRect;
  vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
    const row = this.closest("[data-sortable-id]");
    if (row === null) return original.call(this);
    const top = [...document.querySelectorAll("[data-sortable-id]")].indexOf(row) * 40;
    return {
      x: 0,
      y: top,
      top,
      left: 0,
      width: 300,
      height: 36,
      right: 300,
      bottom: top + 36,
      toJSON: () => ({}),
    };
  });
};

/** Lets dnd-kit measure and re-render between key presses, as a person's pauses would. */
export const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
