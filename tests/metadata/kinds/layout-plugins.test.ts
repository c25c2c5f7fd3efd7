import { describe, expect, it } from "vitest";
import { checkLayout, LayoutSchema, parseWidgetReference } from "../../../metadata/src/kinds/layout.js";
import type { PackageManifest } from "../../../metadata/src/kinds/package.js";
import { aLayout } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

const main = aLayout().sections[0];
if (main === undefined) throw new Error("the sample layout has a section");

const ratings: PackageManifest = {
  kind: "package",
  name: "ratings",
  version: "1.0.0",
  label: { en: "Ratings" },
  tessera: "^0.1.0",
  metadata: [],
  widgets: [
    { name: "score", kind: "panel", entry: "widgets/score.js" },
    { name: "stars", kind: "field", entry: "widgets/stars.js" },
  ],
};

const panel = (widget: string | undefined, items: typeof main.items = []) => ({
  id: "score",
  type: "panel" as const,
  label: { en: "Score" },
  columns: 1 as const,
  items,
  ...(widget !== undefined && { widget }),
});

const withPanel = (section: ReturnType<typeof panel>) => aLayout({ sections: [main, section] });

const pluginButton = (path: string) => ({
  name: "convert",
  action: "plugin" as const,
  package: "ratings",
  path,
  label: { en: "Convert", "zh-CN": "转换" },
  confirm: { en: "Convert this invoice?", "zh-CN": "转换此发票？" },
});

describe("panel sections", () => {
  it("accept a panel naming a package's panel widget", () => {
    const layout = withPanel(panel("ratings.score"));
    expect(refusedAt(LayoutSchema, layout)).toEqual([]);
    expect(checkLayout(layout, sampleContext(ratings))).toEqual([]);
  });

  it("accept a panel of a package whose manifest is not in the set", () => {
    expect(checkLayout(withPanel(panel("elsewhere.score")), sampleContext())).toEqual([]);
  });

  it("report a widget reference that is not <package>.<widget>", () => {
    for (const widget of [
      "ratings",
      "ratings.",
      ".score",
      "Ratings.score",
      "ratings.Score",
      "ratings.score.x",
      "ratings/score",
    ]) {
      expect(findings(checkLayout(withPanel(panel(widget)), sampleContext(ratings))), widget).toEqual([
        { code: "layout.invalidWidget", path: "/sections/1/widget" },
      ]);
    }
  });

  it("report a widget the package does not declare, or a field widget", () => {
    expect(findings(checkLayout(withPanel(panel("ratings.gauge")), sampleContext(ratings)))).toEqual([
      { code: "layout.unknownWidget", path: "/sections/1/widget" },
    ]);
    expect(findings(checkLayout(withPanel(panel("ratings.stars")), sampleContext(ratings)))).toEqual([
      { code: "layout.notPanelWidget", path: "/sections/1/widget" },
    ]);
  });

  it("report a panel without a widget, or with fields", () => {
    expect(findings(checkLayout(withPanel(panel(undefined)), sampleContext(ratings)))).toEqual([
      { code: "layout.panelWithoutWidget", path: "/sections/1/widget" },
    ]);
    expect(
      findings(
        checkLayout(withPanel(panel("ratings.score", [{ field: "dueDate" }])), sampleContext(ratings)),
      ),
    ).toEqual([{ code: "layout.panelWithFields", path: "/sections/1/items" }]);
  });

  it("report a widget on a section of fields", () => {
    const layout = aLayout({ sections: [{ ...main, widget: "ratings.score" }] });
    expect(findings(checkLayout(layout, sampleContext(ratings)))).toEqual([
      { code: "layout.widgetOutsidePanel", path: "/sections/0/widget" },
    ]);
  });

  it("refuses an unknown section type", () => {
    expect(refusedAt(LayoutSchema, aLayout({ sections: [{ ...main, type: "chart" as never }] }))).toEqual([
      "/sections/0/type",
    ]);
  });

  it("parses a reference into its package and widget", () => {
    expect(parseWidgetReference("customer-feedback.stars")).toEqual({
      package: "customer-feedback",
      widget: "stars",
    });
    expect(parseWidgetReference("ratings.constructor")).toBeUndefined();
  });
});

describe("plugin buttons", () => {
  it("accept a route of the package with the record id's placeholder", () => {
    const layout = aLayout({ buttons: [pluginButton("/invoices/{id}/convert")] });
    expect(refusedAt(LayoutSchema, layout)).toEqual([]);
    expect(checkLayout(layout, sampleContext())).toEqual([]);
  });

  it("refuse a button without a package, path or label", () => {
    const { package: _p, path: _q, label: _l, ...rest } = pluginButton("/x");
    expect(refusedAt(LayoutSchema, aLayout({ buttons: [rest as never] }))).toEqual(
      expect.arrayContaining(["/buttons/0/package", "/buttons/0/path", "/buttons/0/label"]),
    );
  });

  it("report a path that is not a plain route path", () => {
    for (const path of [
      "invoices/{id}",
      "/../admin",
      "/a/./b",
      "/a//b",
      "/a?b=1",
      "/{name}",
      "/a%2Fb",
      "/",
    ]) {
      expect(
        findings(checkLayout(aLayout({ buttons: [pluginButton(path)] }), sampleContext())),
        path,
      ).toEqual([{ code: "layout.invalidPluginPath", path: "/buttons/0/path" }]);
    }
  });

  it("is checked for a duplicate name like every button", () => {
    const layout = aLayout({ buttons: [pluginButton("/a"), pluginButton("/b")] });
    expect(findings(checkLayout(layout, sampleContext()))).toEqual([
      { code: "layout.duplicateButton", path: "/buttons/1/name" },
    ]);
  });
});
