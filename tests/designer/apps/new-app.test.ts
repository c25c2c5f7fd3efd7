import { validateDocumentSet } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { appNameProblem, newApp, suggestedAppName } from "../../../designer/src/apps/new-app.js";

describe("the API name of a new app", () => {
  it("is suggested from the label in camel case", () => {
    expect(suggestedAppName("Field Service", new Set())).toBe("fieldService");
  });

  it("is made unique among the draft's apps", () => {
    expect(suggestedAppName("Sales", new Set(["sales", "sales2"]))).toBe("sales3");
  });

  it("falls back to app for a label without Latin letters", () => {
    expect(suggestedAppName("销售", new Set())).toBe("app");
  });

  it("must be camel case starting with a lower-case letter", () => {
    expect(appNameProblem("Sales", new Set())).toBe("invalid");
    expect(appNameProblem("field-service", new Set())).toBe("invalid");
    expect(appNameProblem("", new Set())).toBe("invalid");
    expect(appNameProblem("constructor", new Set())).toBe("invalid");
    expect(appNameProblem("fieldService", new Set())).toBeUndefined();
  });

  it("must not be taken", () => {
    expect(appNameProblem("sales", new Set(["sales"]))).toBe("taken");
  });
});

describe("a new app", () => {
  it("has its label and the home page as its one menu item", () => {
    expect(newApp("fieldService", { en: "Field Service", "zh-CN": "现场服务" })).toEqual({
      kind: "app",
      name: "fieldService",
      label: { en: "Field Service", "zh-CN": "现场服务" },
      navigation: [{ type: "page", page: "home" }],
    });
  });

  it("is valid as it stands", () => {
    const { issues } = validateDocumentSet([newApp("fieldService", { en: "Field Service" })]);
    expect(issues).toEqual([]);
  });
});
