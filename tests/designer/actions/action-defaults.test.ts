import { validateDocumentSet } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  type ActionType,
  AUTOMATION_ACTION_TYPES,
  defaultAction,
  isApprovalAction,
  RECIPIENT_TYPES,
  recipientOfType,
  requiredValues,
  startingValue,
} from "../../../designer/src/actions/action-defaults.js";
import { deal, dealSetting, financeRole, reviewedTemplate, task } from "./fixtures.js";

const field = (name: string) => deal.fields.find((f) => f.name === name);

describe("the value a newly chosen field starts with", () => {
  it("is Yes for a checkbox and zero for a number", () => {
    expect(startingValue(field("approved"))).toBe(true);
    expect(startingValue(field("amount"))).toBe(0);
  });

  it("is the first active option of a picklist", () => {
    const stage = field("stage");
    if (stage?.type !== "picklist") throw new Error("stage is a picklist");
    expect(startingValue(stage)).toBe("open");
    const retired = {
      ...stage,
      options: stage.options.map((o, i) => (i === 0 ? { ...o, active: false } : o)),
    };
    expect(startingValue(retired)).toBe("won");
  });

  it("is empty for text, dates and users, which the admin fills in", () => {
    expect(startingValue(field("title"))).toBeNull();
    expect(startingValue(field("closeDate"))).toBeNull();
    expect(startingValue(field("reviewer"))).toBeNull();
    expect(startingValue(undefined)).toBeNull();
  });
});

describe("new actions", () => {
  it("a field update sets the first writable field", () => {
    expect(defaultAction("fieldUpdate", dealSetting())).toEqual({
      type: "fieldUpdate",
      field: "title",
      value: null,
    });
  });

  it("a notification uses the object's first message template and goes to the submitter in approvals", () => {
    expect(defaultAction("notify", dealSetting())).toEqual({
      type: "notify",
      template: "dealReviewed",
      to: [{ type: "submitter" }],
    });
  });

  it("a notification in an automation goes to the owner: automations know no submitter", () => {
    expect(defaultAction("notify", dealSetting({ hasSubmitter: false }))).toMatchObject({
      to: [{ type: "owner" }],
    });
  });

  it("a notification with no template on offer leaves the template for the admin to pick", () => {
    expect(defaultAction("notify", dealSetting({ templates: [] }))).toMatchObject({ template: "" });
  });

  it("a webhook starts without an address", () => {
    expect(defaultAction("webhook", dealSetting())).toEqual({ type: "webhook", url: "" });
  });

  it("a created record is of the same object, with its required fields", () => {
    expect(defaultAction("createRecord", dealSetting())).toEqual({
      type: "createRecord",
      object: "deal",
      values: { title: null },
    });
  });

  it("an owner assignment has one rule that always holds, naming the first user", () => {
    expect(defaultAction("assignOwner", dealSetting())).toEqual({
      type: "assignOwner",
      strategy: "rules",
      rules: [{ when: true, owner: "admin" }],
    });
  });

  it("every type the automation menu offers makes an action of that type", () => {
    const made: ActionType[] = AUTOMATION_ACTION_TYPES.map((type) => defaultAction(type, dealSetting()).type);
    expect(made).toEqual(["fieldUpdate", "notify", "webhook", "createRecord", "assignOwner", "plugin"]);
  });

  it("a plugin action starts with the first installed package and no action name", () => {
    expect(defaultAction("plugin", dealSetting())).toEqual({ type: "plugin", package: "sales", action: "" });
    expect(defaultAction("plugin", dealSetting({ packages: [] }))).toEqual({
      type: "plugin",
      package: "",
      action: "",
    });
  });

  it("a field update and a notification as made are accepted by the metadata checks", () => {
    const setting = dealSetting();
    const automation = {
      kind: "automation",
      name: "defaults",
      object: "deal",
      label: { en: "Defaults" },
      active: true,
      trigger: { type: "create" },
      actions: [
        { ...defaultAction("fieldUpdate", setting), field: "amount", value: 5 },
        defaultAction("notify", { ...setting, hasSubmitter: false }),
        defaultAction("assignOwner", setting),
      ],
    };
    const { issues } = validateDocumentSet([deal, reviewedTemplate, automation]);
    expect(issues.filter((i) => i.document === "automation/defaults")).toEqual([]);
  });
});

describe("which actions an approval process accepts", () => {
  it("field updates, notifications and webhooks", () => {
    const setting = dealSetting();
    expect(AUTOMATION_ACTION_TYPES.filter((type) => isApprovalAction(defaultAction(type, setting)))).toEqual([
      "fieldUpdate",
      "notify",
      "webhook",
    ]);
  });
});

describe("new recipients", () => {
  it("name the first user, role, group or field on offer", () => {
    const setting = dealSetting();
    expect(RECIPIENT_TYPES.map((type) => recipientOfType(type, setting))).toEqual([
      { type: "owner" },
      { type: "submitter" },
      { type: "user", user: "admin" },
      { type: "role", role: financeRole.name },
      { type: "group", group: "salesQueue" },
      { type: "field", field: "reviewer" },
      { type: "email", address: "" },
    ]);
  });

  it("a role recipient with no role on offer starts empty", () => {
    expect(recipientOfType("role", dealSetting({ roles: [] }))).toEqual({ type: "role", role: "" });
  });
});

describe("values a created record needs", () => {
  it("are its required entered fields, with starting values", () => {
    expect(requiredValues(task)).toEqual({ subject: null, urgency: "low" });
  });

  it("leave out a required field with a default", () => {
    const withDefault = {
      ...task,
      fields: task.fields.map((f) => (f.name === "urgency" ? { ...f, default: "high" } : f)),
    };
    expect(requiredValues(withDefault)).toEqual({ subject: null });
  });
});
