import { describe, expect, it } from "vitest";
import { importRowId } from "../../../engine/src/imports/row-id.js";

describe("the record id of an imported row", () => {
  it("is the same for the same import and row, and a ULID with the import's time", () => {
    const id = importRowId("01M8D57JJNP7TASZS1ED90G3GK", 42);
    expect(id).toBe(importRowId("01M8D57JJNP7TASZS1ED90G3GK", 42));
    expect(id).toMatch(/^01M8D57JJN[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it("differs between rows and between imports", () => {
    const ids = new Set([
      importRowId("01M8D57JJNP7TASZS1ED90G3GK", 1),
      importRowId("01M8D57JJNP7TASZS1ED90G3GK", 2),
      importRowId("01M8D57JJNP7TASZS1ED90G3GM", 1),
    ]);
    expect(ids.size).toBe(3);
  });
});
