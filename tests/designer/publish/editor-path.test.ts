import { describe, expect, it } from "vitest";
import { editorPath, locateIssue } from "../../../designer/src/publish/editor-path.js";

const objects: Record<string, string> = { "layout/visitMain": "visit", "listView/openVisits": "visit" };
const objectOf = (kind: string, name: string) => objects[`${kind}/${name}`];

describe("the editor of a document", () => {
  it("is the object page for an object", () => {
    expect(editorPath("object", "siteVisit", objectOf)).toBe("/objects/siteVisit");
  });

  it("is under its object for a layout or a list view", () => {
    expect(editorPath("layout", "visitMain", objectOf)).toBe("/objects/visit/layouts/visitMain");
    expect(editorPath("listView", "openVisits", objectOf)).toBe("/objects/visit/list-views/openVisits");
  });

  it("is the raw JSON for a layout whose object is not known", () => {
    expect(editorPath("layout", "orphan", objectOf)).toBe("/json/layout/orphan");
  });

  it("is the approval or automation designer for those kinds", () => {
    expect(editorPath("approvalProcess", "discount", objectOf)).toBe("/approvals/discount");
    expect(editorPath("automation", "hotLeads", objectOf)).toBe("/automations/hotLeads");
  });

  it("is the raw JSON editor for every other kind", () => {
    expect(editorPath("role", "sales", objectOf)).toBe("/json/role/sales");
    expect(editorPath("template", "welcome", objectOf)).toBe("/json/template/welcome");
  });
});

describe("where a publish problem sits", () => {
  it("splits /<kind>/<name><pointer>", () => {
    expect(locateIssue("/object/part/fields/1/reference")).toEqual({
      kind: "object",
      name: "part",
      pointer: "/fields/1/reference",
    });
  });

  it("has the empty pointer for a problem of the document itself", () => {
    expect(locateIssue("/layout/visitMain")).toEqual({ kind: "layout", name: "visitMain", pointer: "" });
  });

  it("names no document for a path without kind and name", () => {
    expect(locateIssue("")).toBeUndefined();
    expect(locateIssue("/object")).toBeUndefined();
  });
});
