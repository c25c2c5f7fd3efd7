import { describe, expect, it } from "vitest";
import {
  addButton,
  addRelatedList,
  defaultButtons,
  moveButton,
  moveRelatedList,
  newButton,
  newRelatedList,
  offeredButtonActions,
  relatedListChoices,
  removeButton,
  removeRelatedList,
  setButtons,
  unusedRelatedLists,
  updateRelatedList,
} from "../../../designer/src/layouts/layout-lists.js";
import { layoutOf, section, siteVisit, visitReport } from "./site-visit.js";

const base = () => layoutOf(section("s", 1, [{ field: "name" }]));
const visit = { object: "visitReport", field: "visit", columns: ["title"] };
const followUp = { object: "visitReport", field: "followUp", columns: ["title"] };

describe("related lists a layout may show", () => {
  it("offers one per lookup or master-detail field pointing to the object", () => {
    expect(relatedListChoices([siteVisit(), visitReport()], "siteVisit")).toEqual([
      { object: "visitReport", field: "visit" },
      { object: "visitReport", field: "followUp" },
    ]);
  });
  it("offers lookups to any object, and none when nothing points to it", () => {
    expect(relatedListChoices([siteVisit(), visitReport()], "account")).toEqual([
      { object: "siteVisit", field: "account" },
    ]);
    expect(relatedListChoices([visitReport()], "nothing")).toEqual([]);
  });
  it("leaves out those the layout shows", () => {
    const layout = addRelatedList(base(), visit, 0);
    expect(unusedRelatedLists(layout, relatedListChoices([visitReport()], "siteVisit"))).toEqual([
      { object: "visitReport", field: "followUp" },
    ]);
  });
  it("gives a new list the runtime's default columns: name, then short fields but the one pointing back", () => {
    expect(newRelatedList(visitReport(), "visit")).toEqual({
      object: "visitReport",
      field: "visit",
      columns: ["title", "followUp"],
    });
  });
});

describe("editing related lists", () => {
  it("adds at an index and not twice", () => {
    const layout = addRelatedList(addRelatedList(base(), visit, 0), followUp, 0);
    expect(layout.relatedLists).toEqual([followUp, visit]);
    expect(addRelatedList(layout, visit, 0)).toBe(layout);
  });
  it("reorders", () => {
    const layout = addRelatedList(addRelatedList(base(), visit, 0), followUp, 1);
    expect(moveRelatedList(layout, 0, 1).relatedLists).toEqual([followUp, visit]);
  });
  it("removes, dropping the key with the last one", () => {
    const layout = addRelatedList(base(), visit, 0);
    expect(removeRelatedList(layout, 0)).not.toHaveProperty("relatedLists");
  });
  it("updates one", () => {
    const layout = addRelatedList(base(), visit, 0);
    const titled = { ...visit, label: { en: "Reports" } };
    expect(updateRelatedList(layout, 0, titled).relatedLists).toEqual([titled]);
  });
});

describe("buttons", () => {
  it("starts from the standard buttons, submit only with an approval process", () => {
    expect(defaultButtons(false).map((b) => b.action)).toEqual(["edit", "delete"]);
    expect(defaultButtons(true).map((b) => b.action)).toEqual(["edit", "delete", "submitForApproval"]);
  });
  it("names a new button after its action, uniquely", () => {
    const layout = setButtons(base(), defaultButtons(false));
    expect(newButton(layout, "clone")).toEqual({ name: "clone", action: "clone" });
    expect(newButton(layout, "edit")).toEqual({ name: "edit2", action: "edit" });
  });
  it("gives a custom button the label and handler it needs", () => {
    expect(newButton(base(), "custom")).toEqual({
      name: "customAction",
      label: { en: "Custom action" },
      action: "custom",
      handler: "my-plugin/action",
    });
  });
  it("gives a plugin button a bilingual label and a valid route of the package given", () => {
    expect(newButton(base(), "plugin", "sales")).toEqual({
      name: "pluginAction",
      label: { en: "Plugin action", "zh-CN": "插件操作" },
      action: "plugin",
      package: "sales",
      path: "/{id}/action",
    });
    const layout = addButton(base(), newButton(base(), "plugin", "sales"));
    expect(newButton(layout, "plugin", "sales").name).toBe("pluginAction2");
  });
  it("offers a plugin action only with a package to call", () => {
    expect(offeredButtonActions(false)).toEqual(["edit", "delete", "clone", "submitForApproval", "custom"]);
    expect(offeredButtonActions(true)).toEqual([
      "edit",
      "delete",
      "clone",
      "submitForApproval",
      "custom",
      "plugin",
    ]);
  });
  it("adds, reorders and removes; an empty list stays (no buttons), no list means the standard ones", () => {
    const layout = addButton(setButtons(base(), defaultButtons(false)), { name: "clone", action: "clone" });
    expect(moveButton(layout, 2, 0).buttons?.map((b) => b.name)).toEqual(["clone", "edit", "delete"]);
    const emptied = removeButton(removeButton(removeButton(layout, 0), 0), 0);
    expect(emptied.buttons).toEqual([]);
    expect(setButtons(emptied, undefined)).not.toHaveProperty("buttons");
  });
});
