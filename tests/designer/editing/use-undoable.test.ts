import { describe, expect, it } from "vitest";
import { historyStep } from "../../../designer/src/editing/use-undoable.js";

const start = { past: [] as number[], present: 1, future: [] as number[] };

describe("undo and redo history", () => {
  it("undoes and redoes steps in order", () => {
    const two = historyStep.set(historyStep.set(start, 2), 3);
    const back = historyStep.undo(two);
    expect(back.present).toBe(2);
    expect(historyStep.undo(back).present).toBe(1);
    expect(historyStep.redo(back).present).toBe(3);
  });

  it("drops what could be redone when a new change is made after undoing", () => {
    const back = historyStep.undo(historyStep.set(start, 2));
    const branched = historyStep.set(back, 5);
    expect(branched.future).toEqual([]);
    expect(historyStep.redo(branched)).toBe(branched);
  });

  it("records nothing for a change to the same value, and undo at the start changes nothing", () => {
    expect(historyStep.set(start, 1)).toBe(start);
    expect(historyStep.undo(start)).toBe(start);
  });
});
