import { describe, expect, it } from "vitest";
import { messagesAt, messagesUnder } from "../../../designer/src/list-views/issues-under.js";

const problem = (path: string, message: string) => ({ path, code: "x", message });

describe("problems of an expression", () => {
  it("joins the messages at and below the pointer", () => {
    expect(
      messagesUnder([problem("/filter", "Bad."), problem("/filter/and/1", "Unknown field.")], "/filter"),
    ).toBe("Bad. Unknown field.");
  });

  it("ignores siblings that only share a prefix", () => {
    expect(messagesUnder([problem("/filterX", "No."), problem("/sort/0", "No.")], "/filter")).toBeUndefined();
  });
});

describe("problems of a list itself", () => {
  it("takes only the messages exactly at the pointer, not its items'", () => {
    expect(messagesAt([problem("/sort", "Too many."), problem("/sort/0/field", "Unknown.")], "/sort")).toBe(
      "Too many.",
    );
  });

  it("is undefined without such a problem", () => {
    expect(messagesAt([problem("/sort/0", "Unknown.")], "/sort")).toBeUndefined();
  });
});
