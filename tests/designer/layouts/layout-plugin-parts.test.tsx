import type { JsonObject, Layout, PackageManifest } from "@tessera/metadata";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConditionEditorProps } from "../../../designer/src/conditions/condition-editor.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";
import { layoutOf, section, siteVisit } from "./site-visit.js";

/** The condition editor as the page uses it: through its props only (another area builds it). */
vi.mock("../../../designer/src/conditions/condition-editor.js", () => ({
  ConditionEditor: (props: ConditionEditorProps) => (
    <button
      type="button"
      aria-label={props.label}
      onClick={() => props.onChange({ "==": [{ var: "status" }, "planned"] })}
    >
      {JSON.stringify(props.value ?? null)}
    </button>
  ),
}));

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const PATH = "/objects/siteVisit/layouts/visitLayout";

/** A package with a panel widget and a field widget. */
const sales = (): PackageManifest => ({
  kind: "package",
  name: "sales",
  version: "1.0.0",
  label: { en: "Sales tools", "zh-CN": "销售工具" },
  tessera: "^1.0.0",
  metadata: [],
  widgets: [
    { name: "leadScore", kind: "panel", entry: "widgets/lead-score.js" },
    { name: "stars", kind: "field", entry: "widgets/stars.js" },
  ],
});

/** A second package, with a panel widget of its own. */
const billing = (): PackageManifest => ({
  kind: "package",
  name: "billing",
  version: "2.1.0",
  label: { en: "Billing" },
  tessera: "^1.0.0",
  metadata: [],
  widgets: [{ name: "openInvoices", kind: "panel", entry: "widgets/open-invoices.js" }],
});

/** The site-visit layout with the buttons defined (edit only). */
const withButtons = (): Layout => ({
  ...layoutOf(section("main", 1, [{ field: "name" }])),
  buttons: [{ name: "edit", action: "edit" }],
});

const draftOf = (documents: readonly object[]) =>
  new FakeDraft(documents.map((d): JsonObject => JSON.parse(JSON.stringify(d))));
const toolbar = () => document.querySelector<HTMLElement>(".editor-toolbar") ?? document.body;
const save = () => userEvent.click(within(toolbar()).getByRole("button", { name: /Save/ }));
const properties = () => screen.getByRole("region", { name: "Properties" });
const puts = (calls: readonly { method: string; path: string }[]) =>
  calls.filter((c) => c.method === "PUT" && c.path === "/api/v1/metadata/draft/layout/visitLayout");
/** The layout the first PUT sent. */
const putLayout = (calls: readonly { method: string; path: string; body?: unknown }[]): Layout => {
  const put = calls.find((c) => c.method === "PUT" && c.path === "/api/v1/metadata/draft/layout/visitLayout");
  if (put === undefined) throw new Error("no layout was saved");
  return put.body as Layout;
};

/** The open dropdown's menu (the designer's navigation is a menu too). */
const openMenu = () =>
  waitFor(() => {
    const menu = document.querySelector<HTMLElement>(".ant-dropdown:not(.ant-dropdown-hidden) [role=menu]");
    if (menu === null) throw new Error("no open dropdown");
    return menu;
  });

/** Opens the dropdown of the button named `trigger` and picks its menu item `item`. */
const pickFromMenu = async (trigger: RegExp, item: string) => {
  await userEvent.click(await screen.findByRole("button", { name: trigger }));
  await userEvent.click(within(await openMenu()).getByRole("menuitem", { name: item }));
};

/** The items a dropdown offers once opened. */
const menuOf = async (trigger: RegExp) => {
  await userEvent.click(await screen.findByRole("button", { name: trigger }));
  return within(await openMenu())
    .getAllByRole("menuitem")
    .map((item) => item.textContent);
};

/** Opens an antd select by its accessible name and picks the option titled `option`. */
const choose = async (label: string, option: string) => {
  fireEvent.mouseDown(within(properties()).getByRole("combobox", { name: label }));
  const found = await waitFor(() => {
    const match = [...document.querySelectorAll<HTMLElement>(".ant-select-item-option")]
      .filter((el) => el.closest(".ant-select-dropdown-hidden") === null)
      .find((el) => el.getAttribute("title") === option);
    if (match === undefined) throw new Error(`no option ${option}`);
    return match;
  });
  fireEvent.click(found);
};

/** The help or problem shown under the form item holding `control`. */
const helpOf = (control: HTMLElement): string =>
  control.closest(".ant-form-item")?.querySelector(".ant-form-item-explain")?.textContent ?? "";

/** Types into a text box as one change: `{id}` would be a key name for userEvent.type. */
const fill = (name: string, value: string) =>
  fireEvent.change(within(properties()).getByRole("textbox", { name }), { target: { value } });

const tick = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const press = async (element: Element, key: string, code: string) => {
  fireEvent.keyDown(element, { key, code });
  await tick();
};

describe("plugin buttons", () => {
  it("offers a plugin action only when the draft has a package", async () => {
    renderDesigner(PATH, draftOf([siteVisit(), withButtons()]));
    expect(await menuOf(/Add button/)).toEqual([
      "Edit",
      "Delete",
      "Clone",
      "Submit for approval",
      "Custom action",
    ]);
  });

  it("adds a plugin button with its package, path, label and question, and saves it", async () => {
    const draft = draftOf([siteVisit(), sales(), billing(), withButtons()]);
    const { calls } = renderDesigner(PATH, draft);
    await pickFromMenu(/Add button/, "Plugin action");
    // The new button is selected: its properties are open.
    expect(within(properties()).getByRole("heading", { name: "Plugin action" })).toBeTruthy();
    await choose("Plugin package", "Sales tools (sales)");
    fill("Route path", "/leads/{id}/convert");
    fill("Button label", "Convert lead");
    fill("Button label (中文)", "转换线索");
    fill("Confirmation question", "Convert this lead?");
    await save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const plugin = {
      name: "pluginAction",
      label: { en: "Convert lead", "zh-CN": "转换线索" },
      action: "plugin",
      package: "sales",
      path: "/leads/{id}/convert",
      confirm: { en: "Convert this lead?" },
    };
    expect(putLayout(calls).buttons).toEqual([{ name: "edit", action: "edit" }, plugin]);
    await waitFor(() =>
      expect(draft.get("layout", "visitLayout")?.buttons).toEqual([{ name: "edit", action: "edit" }, plugin]),
    );
  });

  it("starts a plugin button on the draft's first package, with a valid route", async () => {
    const draft = draftOf([siteVisit(), billing(), sales(), withButtons()]);
    const { calls } = renderDesigner(PATH, draft);
    await pickFromMenu(/Add button/, "Plugin action");
    await save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    // The draft lists documents by name: billing before sales.
    expect(putLayout(calls).buttons?.[1]).toEqual({
      name: "pluginAction",
      label: { en: "Plugin action", "zh-CN": "插件操作" },
      action: "plugin",
      package: "billing",
      path: "/{id}/action",
    });
  });

  it("shows the engine's problem with the path on the path, and saves nothing", async () => {
    const layout = withButtons();
    const draft = draftOf([siteVisit(), sales(), layout]);
    renderDesigner(PATH, draft);
    await pickFromMenu(/Add button/, "Plugin action");
    const path = within(properties()).getByRole("textbox", { name: "Route path" });
    expect(helpOf(path)).toMatch(/^The package's route the button calls, e.g. \/leads\/\{id\}\/convert/);
    fill("Route path", "/leads/../convert");
    await save();
    await waitFor(() => expect(helpOf(path)).toMatch(/^"\/leads\/\.\.\/convert" is not a route path/));
    expect(path.closest(".ant-form-item")?.className).toMatch(/has-error/);
    // The label, package and name have no problem.
    expect(helpOf(within(properties()).getByRole("textbox", { name: "Button label" }))).toBe("");
    expect(draft.get("layout", "visitLayout")).toEqual(JSON.parse(JSON.stringify(layout)));
  });

  it("shows the engine's problem with an emptied label on the label", async () => {
    const draft = draftOf([siteVisit(), sales(), withButtons()]);
    renderDesigner(PATH, draft);
    await pickFromMenu(/Add button/, "Plugin action");
    fill("Button label", "");
    await save();
    const label = within(properties()).getByRole("textbox", { name: "Button label" });
    await waitFor(() => expect(helpOf(label)).toBe('"en" must not be empty.'));
  });

  it("sets when the plugin button is visible, as custom buttons do", async () => {
    const draft = draftOf([siteVisit(), sales(), withButtons()]);
    const { calls } = renderDesigner(PATH, draft);
    await pickFromMenu(/Add button/, "Plugin action");
    await userEvent.click(within(properties()).getByRole("button", { name: "Button visible when" }));
    await save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(putLayout(calls).buttons?.[1]).toMatchObject({
      action: "plugin",
      visibleWhen: { "==": [{ var: "status" }, "planned"] },
    });
  });
});

describe("panel sections", () => {
  it("adds only field sections when no package of the draft has a panel widget", async () => {
    renderDesigner(PATH, draftOf([siteVisit()]));
    await userEvent.click(await screen.findByRole("button", { name: /Add section/ }));
    expect(await screen.findByRole("button", { name: "Move section New section" })).toBeTruthy();
    expect(document.querySelector(".ant-dropdown")).toBeNull();
  });

  it("offers a field section and every panel widget of the draft's packages", async () => {
    renderDesigner(PATH, draftOf([siteVisit(), sales(), billing()]));
    expect(await menuOf(/Add section/)).toEqual([
      "Section of fields",
      "Panel section billing.openInvoices",
      "Panel section sales.leadScore",
    ]);
  });

  it("adds a panel section showing its widget and label, without a drop zone, and saves it", async () => {
    const draft = draftOf([siteVisit(), sales()]);
    const { calls } = renderDesigner(PATH, draft);
    await pickFromMenu(/Add section/, "Panel section sales.leadScore");
    const card = (await screen.findByRole("button", { name: "Move section Lead score" })).closest(
      "[data-sortable-id]",
    ) as HTMLElement;
    expect(within(card).getByText("Widget sales.leadScore")).toBeTruthy();
    expect(within(card).getByRole("button", { name: "Properties of panel section Lead score" })).toBeTruthy();
    expect(screen.queryAllByRole("group", { name: /of section Lead score$/ })).toEqual([]);
    // Selected on creation: the properties edit its label and widget.
    expect(within(properties()).getByRole("heading", { name: "Lead score" })).toBeTruthy();
    fill("Section label (中文)", "线索评分");
    await save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const panel = {
      id: "section2",
      type: "panel",
      label: { en: "Lead score", "zh-CN": "线索评分" },
      columns: 1,
      items: [],
      widget: "sales.leadScore",
    };
    expect(putLayout(calls).sections).toEqual([expect.objectContaining({ id: "details" }), panel]);
    await waitFor(() => expect(draft.get("layout", "visitLayout")?.sections).toContainEqual(panel));
  });

  it("changes a panel's widget and label from its properties", async () => {
    const layout: Layout = layoutOf(section("main", 1, [{ field: "name" }]), {
      id: "score",
      type: "panel",
      label: { en: "Score" },
      columns: 1,
      items: [],
      widget: "sales.leadScore",
    });
    const draft = draftOf([siteVisit(), sales(), billing(), layout]);
    const { calls } = renderDesigner(PATH, draft);
    await userEvent.click(await screen.findByRole("button", { name: "Properties of panel section Score" }));
    await choose("Panel widget", "billing.openInvoices");
    fill("Section label", "Open invoices");
    expect(await screen.findByText("Widget billing.openInvoices")).toBeTruthy();
    await save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(putLayout(calls).sections[1]).toEqual({
      id: "score",
      type: "panel",
      label: { en: "Open invoices" },
      columns: 1,
      items: [],
      widget: "billing.openInvoices",
    });
  });

  it("reorders a panel section with the keyboard, like any section", async () => {
    const layout: Layout = layoutOf(section("main", 1, [{ field: "name" }]), {
      id: "score",
      type: "panel",
      label: { en: "Score" },
      columns: 1,
      items: [],
      widget: "sales.leadScore",
    });
    const draft = draftOf([siteVisit(), sales(), layout]);
    const { calls } = renderDesigner(PATH, draft);
    const handle = await screen.findByRole("button", { name: "Move section Score" });
    handle.focus();
    await press(handle, " ", "Space");
    await press(handle, "ArrowUp", "ArrowUp");
    await press(handle, " ", "Space");
    await waitFor(() =>
      expect(
        screen.getAllByRole("button", { name: /^Move section / }).map((b) => b.getAttribute("aria-label")),
      ).toEqual(["Move section Score", "Move section main"]),
    );
    await save();
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(putLayout(calls).sections.map((s) => s.id)).toEqual(["score", "main"]);
  });

  it("removes a panel section", async () => {
    const layout: Layout = layoutOf(section("main", 1, [{ field: "name" }]), {
      id: "score",
      type: "panel",
      label: { en: "Score" },
      columns: 1,
      items: [],
      widget: "sales.leadScore",
    });
    renderDesigner(PATH, draftOf([siteVisit(), sales(), layout]));
    await userEvent.click(await screen.findByRole("button", { name: "Delete section Score" }));
    await userEvent.click(await screen.findByRole("button", { name: "OK" }));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Move section Score" })).toBeNull());
    expect(screen.getByRole("button", { name: "Move section main" })).toBeTruthy();
  });

  it("shows the engine's problem with the widget on the card and on the widget control", async () => {
    // Written another way (raw JSON, a bundle): a field widget where a panel belongs.
    const layout: Layout = layoutOf(section("main", 1, [{ field: "name" }]), {
      id: "score",
      type: "panel",
      label: { en: "Score" },
      columns: 1,
      items: [],
      widget: "sales.stars",
    });
    const draft = draftOf([siteVisit(), sales(), layout]);
    renderDesigner(PATH, draft);
    await userEvent.click(await screen.findByRole("button", { name: "Properties of panel section Score" }));
    fill("Section label", "Lead score");
    await save();
    const problem = 'Widget "sales.stars" shows a field value; a section needs a panel widget.';
    const widget = within(properties()).getByRole("combobox", { name: "Panel widget" });
    await waitFor(() => expect(helpOf(widget)).toBe(problem));
    const card = screen
      .getByRole("button", { name: "Move section Lead score" })
      .closest("[data-sortable-id]") as HTMLElement;
    expect(within(card).getByText(problem)).toBeTruthy();
    expect(draft.get("layout", "visitLayout")).toEqual(JSON.parse(JSON.stringify(layout)));
    // Choosing a panel widget puts it right.
    await choose("Panel widget", "sales.leadScore");
    await save();
    await waitFor(() =>
      expect(draft.get("layout", "visitLayout")?.sections).toContainEqual(
        expect.objectContaining({ id: "score", widget: "sales.leadScore", label: { en: "Lead score" } }),
      ),
    );
    expect(helpOf(widget)).not.toBe(problem);
  });

  it("does not offer a panel section as the section of a field", async () => {
    const layout: Layout = layoutOf(section("main", 1, [{ field: "name" }]), {
      id: "score",
      type: "panel",
      label: { en: "Score" },
      columns: 1,
      items: [],
      widget: "sales.leadScore",
    });
    renderDesigner(PATH, draftOf([siteVisit(), sales(), layout]));
    await userEvent.click(await screen.findByRole("button", { name: "Properties of Visit name" }));
    fireEvent.mouseDown(within(properties()).getByRole("combobox", { name: "Section of Visit name" }));
    const score = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>(".ant-select-item-option")].find(
        (el) => el.getAttribute("title") === "Score",
      );
      if (found === undefined) throw new Error("no option");
      return found;
    });
    expect(score.className).toMatch(/ant-select-item-option-disabled/);
    const main = [...document.querySelectorAll<HTMLElement>(".ant-select-item-option")].find(
      (el) => el.getAttribute("title") === "main",
    );
    expect(main?.className).not.toMatch(/ant-select-item-option-disabled/);
  });
});
