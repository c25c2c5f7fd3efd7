import type { AppDefinition } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  withDescription,
  withIcon,
  withLabel,
  withNavigation,
  withProfiles,
} from "../../../designer/src/apps/app-settings.js";

const app: AppDefinition = {
  kind: "app",
  name: "sales",
  label: { en: "Sales" },
  navigation: [{ type: "page", page: "home" }],
};

describe("app settings", () => {
  it("replaces the label", () => {
    expect(withLabel(app, { en: "Sales", "zh-CN": "销售" }).label).toEqual({ en: "Sales", "zh-CN": "销售" });
  });

  it("sets a description and leaves it out when both languages are empty", () => {
    const described = withDescription(app, { en: "For the sales team" });
    expect(described.description).toEqual({ en: "For the sales team" });
    expect("description" in withDescription(described, { en: "  " })).toBe(false);
  });

  it("keeps a description written in Chinese only, for the engine to judge", () => {
    expect(withDescription(app, { en: "", "zh-CN": "销售团队" }).description).toEqual({
      en: "",
      "zh-CN": "销售团队",
    });
  });

  it("sets a trimmed icon and leaves it out when emptied", () => {
    expect(withIcon(app, " briefcase ").icon).toBe("briefcase");
    expect("icon" in withIcon(withIcon(app, "briefcase"), "")).toBe(false);
  });

  it("sets the profiles and leaves them out when none is chosen (every profile)", () => {
    expect(withProfiles(app, ["salesUser"]).profiles).toEqual(["salesUser"]);
    expect("profiles" in withProfiles(withProfiles(app, ["salesUser"]), [])).toBe(false);
  });

  it("replaces the menu", () => {
    expect(withNavigation(app, [{ type: "object", object: "deal" }]).navigation).toEqual([
      { type: "object", object: "deal" },
    ]);
  });

  it("never changes the app it is given", () => {
    const before = structuredClone(app);
    withIcon(app, "briefcase");
    withProfiles(app, ["x"]);
    expect(app).toEqual(before);
  });
});
