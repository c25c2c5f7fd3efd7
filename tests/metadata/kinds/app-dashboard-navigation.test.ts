import { describe, expect, it } from "vitest";
import { AppDefinitionSchema, checkApp } from "../../../metadata/src/kinds/app.js";
import { aDashboard, anApp, aReport } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

const withDashboard = (dashboard: string) =>
  anApp({
    navigation: [
      { type: "page", page: "home" },
      { type: "dashboard", dashboard },
    ],
  });

describe("app navigation to a dashboard", () => {
  it("accepts a dashboard entry in the schema", () => {
    expect(refusedAt(AppDefinitionSchema, withDashboard("billing"))).toEqual([]);
  });

  it("refuses a dashboard entry without its dashboard", () => {
    const navigation = [{ type: "dashboard" }];
    expect(refusedAt(AppDefinitionSchema, { ...anApp(), navigation })).toContain("/navigation/0/dashboard");
  });

  it("accepts an entry for a dashboard that exists", () => {
    expect(checkApp(withDashboard("billing"), sampleContext(aReport(), aDashboard()))).toEqual([]);
  });

  it("reports a dashboard that does not exist", () => {
    expect(findings(checkApp(withDashboard("sales"), sampleContext(aReport(), aDashboard())))).toEqual([
      { code: "app.unknownDashboard", path: "/navigation/1/dashboard" },
    ]);
  });

  it("reports the same dashboard twice in the navigation", () => {
    const app = anApp({
      navigation: [
        { type: "dashboard", dashboard: "billing" },
        { type: "dashboard", dashboard: "billing" },
      ],
    });
    expect(findings(checkApp(app, sampleContext(aReport(), aDashboard())))).toEqual([
      { code: "app.duplicateNavigation", path: "/navigation/1" },
    ]);
  });
});
