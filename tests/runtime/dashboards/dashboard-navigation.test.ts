import type { AppDefinition, LocalizedText } from "@tessera/metadata";
import { localize } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { navEntries } from "../../../runtime/src/shell/navigation.js";
import { bootstrapIn } from "../reports/report-harness.js";

const app: AppDefinition = {
  kind: "app",
  name: "sales",
  label: { en: "Sales" },
  navigation: [
    { type: "dashboard", dashboard: "salesDashboard" },
    { type: "page", page: "reports" },
  ],
};

const label = (text: LocalizedText | undefined, fallback = "") => localize(text, "zh-CN") ?? fallback;

describe("dashboard navigation entry", () => {
  it("links a dashboard item to its page, named by the dashboard's label when the bootstrap has it", () => {
    const withDashboards = {
      ...bootstrapIn(),
      dashboards: [{ name: "salesDashboard", label: { en: "Sales dashboard", "zh-CN": "销售仪表板" } }],
    };
    expect(navEntries(app, withDashboards, label, (page) => page)).toEqual([
      { key: "dashboard:salesDashboard", path: "/dashboards/salesDashboard", label: "销售仪表板" },
      { key: "page:reports", path: "/reports", label: "reports" },
    ]);
  });

  it("names it by its API name when the bootstrap lists no dashboards", () => {
    expect(navEntries(app, bootstrapIn(), label, (page) => page)[0]).toEqual({
      key: "dashboard:salesDashboard",
      path: "/dashboards/salesDashboard",
      label: "salesDashboard",
    });
  });
});
