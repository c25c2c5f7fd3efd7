import type { PackageManifest } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { panelSectionLabel, panelWidgetChoices } from "../../../designer/src/layouts/panel-widgets.js";

const manifest = (name: string, widgets: PackageManifest["widgets"]): PackageManifest => ({
  kind: "package",
  name,
  version: "1.0.0",
  label: { en: name },
  tessera: "*",
  metadata: [],
  ...(widgets !== undefined && { widgets }),
});

describe("panel widgets a section may show", () => {
  it("lists the panel widgets of every package as <package>.<widget>, in order", () => {
    const packages = [
      manifest("sales", [
        { name: "leadScore", kind: "panel", entry: "a.js" },
        { name: "stars", kind: "field", entry: "b.js" },
        { name: "pipeline", kind: "panel", entry: "c.js" },
      ]),
      manifest("billing", [{ name: "openInvoices", kind: "panel", entry: "d.js" }]),
    ];
    expect(panelWidgetChoices(packages)).toEqual([
      { reference: "sales.leadScore", package: "sales", widget: "leadScore" },
      { reference: "sales.pipeline", package: "sales", widget: "pipeline" },
      { reference: "billing.openInvoices", package: "billing", widget: "openInvoices" },
    ]);
  });
  it("lists none for packages without widgets or with field widgets only", () => {
    expect(
      panelWidgetChoices([
        manifest("plain", undefined),
        manifest("inputs", [{ name: "stars", kind: "field", entry: "s.js" }]),
      ]),
    ).toEqual([]);
  });
});

describe("the label of a new panel section", () => {
  it("is the widget's name in words", () => {
    expect(panelSectionLabel("leadScore")).toEqual({ en: "Lead score" });
    expect(panelSectionLabel("openInvoicesV2")).toEqual({ en: "Open invoices v2" });
    expect(panelSectionLabel("pipeline")).toEqual({ en: "Pipeline" });
    expect(panelSectionLabel("open_items")).toEqual({ en: "Open items" });
  });
});
