import { describe, expect, it } from "vitest";
import { AppDefinitionSchema, checkApp } from "../../../metadata/src/kinds/app.js";
import { anApp } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

describe("app schema", () => {
  it("accepts the sample app", () => {
    expect(refusedAt(AppDefinitionSchema, anApp())).toEqual([]);
  });

  it("refuses an app without navigation", () => {
    expect(refusedAt(AppDefinitionSchema, { ...anApp(), navigation: [] })).toEqual(["/navigation"]);
  });

  it("refuses a page that does not exist", () => {
    const navigation = [{ type: "page", page: "settings" }];
    expect(refusedAt(AppDefinitionSchema, { ...anApp(), navigation })).toContain("/navigation/0/page");
  });

  it("refuses an object entry without its object", () => {
    const navigation = [{ type: "object" }];
    expect(refusedAt(AppDefinitionSchema, { ...anApp(), navigation })).toContain("/navigation/0/object");
  });

  it("refuses an icon name with spaces", () => {
    expect(refusedAt(AppDefinitionSchema, { ...anApp(), icon: "my icon" })).toEqual(["/icon"]);
  });
});

describe("app checks", () => {
  it("accepts the sample app", () => {
    expect(checkApp(anApp(), sampleContext())).toEqual([]);
  });

  it("reports unknown objects, list views and profiles", () => {
    const app = anApp({
      navigation: [
        { type: "object", object: "payment" },
        { type: "listView", listView: "overdueInvoices" },
      ],
      profiles: ["standardUser", "partner"],
    });
    expect(findings(checkApp(app, sampleContext()))).toEqual([
      { code: "app.unknownObject", path: "/navigation/0/object" },
      { code: "app.unknownListView", path: "/navigation/1/listView" },
      { code: "app.unknownProfile", path: "/profiles/1" },
    ]);
  });

  it("reports the same entry twice in the navigation", () => {
    const app = anApp({
      navigation: [
        { type: "page", page: "home" },
        { type: "page", page: "home" },
      ],
    });
    expect(findings(checkApp(app, sampleContext()))).toEqual([
      { code: "app.duplicateNavigation", path: "/navigation/1" },
    ]);
  });
});
