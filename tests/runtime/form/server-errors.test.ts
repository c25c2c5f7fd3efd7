import { describe, expect, it } from "vitest";
import { placeServerErrors } from "../../../runtime/src/form/server-errors.js";

const fields = new Set(["amount", "a/b", "location"]);

describe("placing a refused save's problems on the form", () => {
  it("puts a problem on the field its pointer names", () => {
    const placed = placeServerErrors(
      [{ path: "/amount", code: "field.minimum", message: "Too small." }],
      fields,
    );
    expect(placed).toEqual({ byField: { amount: { __errors: ["Too small."] } }, general: [] });
  });

  it("collects several problems of one field", () => {
    const placed = placeServerErrors(
      [
        { path: "/amount", code: "a", message: "First." },
        { path: "/amount", code: "b", message: "Second." },
      ],
      fields,
    );
    expect(placed.byField).toEqual({ amount: { __errors: ["First.", "Second."] } });
  });

  it("decodes escaped pointer tokens and names the part of a field a deeper pointer points into", () => {
    const placed = placeServerErrors(
      [
        { path: "/a~1b", code: "x", message: "Bad." },
        { path: "/location/lat", code: "y", message: "Out of range." },
      ],
      fields,
    );
    expect(placed.byField).toEqual({
      "a/b": { __errors: ["Bad."] },
      location: { __errors: ["Out of range. (lat)"] },
    });
  });

  it("shows problems of the whole record, or of fields the form does not show, above the form", () => {
    const placed = placeServerErrors(
      [
        { path: "", code: "rule.owner", message: "Assign an owner." },
        { path: "/hidden", code: "field.unknown", message: "No such field." },
      ],
      fields,
    );
    expect(placed).toEqual({ byField: {}, general: ["Assign an owner.", "No such field."] });
  });

  it("words a problem as the caller says", () => {
    const placed = placeServerErrors(
      [{ path: "/amount", code: "field.required", message: '"amount" is required.' }],
      fields,
      (problem) => (problem.code === "field.required" ? "Enter a value." : problem.message),
    );
    expect(placed.byField).toEqual({ amount: { __errors: ["Enter a value."] } });
  });
});
