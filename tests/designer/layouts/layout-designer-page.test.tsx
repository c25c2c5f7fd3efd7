import type { JsonObject, JsonValue } from "@tessera/metadata";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConditionEditorProps } from "../../../designer/src/conditions/condition-editor.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";
import { layoutOf, section, siteVisit, visitReport } from "./site-visit.js";

const PLANNED: JsonValue = { "==": [{ var: "status" }, "planned"] };

/** The condition editor as the page uses it: through its props only (another area builds it). */
vi.mock("../../../designer/src/conditions/condition-editor.js", () => ({
  ConditionEditor: (props: ConditionEditorProps) => (
    <div>
      <button type="button" aria-label={props.label} onClick={() => props.onChange(PLANNED)}>
        {JSON.stringify(props.value ?? null)}
      </button>
      <span>fields: {props.fields.map((f) => f.name).join(",")}</span>
      {props.error !== undefined && <span>condition error: {props.error}</span>}
    </div>
  ),
}));

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const PATH = "/objects/siteVisit/layouts/visitLayout";
/** The typed documents of the tests as the draft holds them: plain JSON. */
const draftOf = (documents: readonly object[]) => new FakeDraft(documents as JsonObject[]);
const toolbar = () => document.querySelector<HTMLElement>(".editor-toolbar") ?? document.body;
const save = () => userEvent.click(within(toolbar()).getByRole("button", { name: /Save/ }));
/** antd's segmented options are radios under a label: clicked as the user's pointer reaches them. */
const pick = (group: string, option: string) =>
  fireEvent.click(
    within(screen.getByRole("radiogroup", { name: group })).getByRole("radio", { name: option }),
  );
const tick = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const press = async (element: Element, key: string, code: string) => {
  fireEvent.keyDown(element, { key, code });
  await tick();
};

const handlesIn = (name: string) =>
  within(screen.getByRole("group", { name }))
    .queryAllByRole("button", { name: /^Move / })
    .map((b) => b.getAttribute("aria-label"));

describe("starting a new layout", () => {
  it("saves the object's first layout as its default, with the record name in a two-column section", async () => {
    const draft = draftOf([siteVisit(), visitReport()]);
    const { calls } = renderDesigner(PATH, draft);
    expect(await screen.findByRole("button", { name: "Move Visit name" })).toBeTruthy();
    expect(handlesIn("Column 1 of section Details")).toEqual(["Move Visit name"]);
    await save();
    const expected = {
      kind: "layout",
      name: "visitLayout",
      object: "siteVisit",
      label: { en: "Site visit layout", "zh-CN": "现场拜访布局" },
      default: true,
      sections: [
        {
          id: "details",
          label: { en: "Details", "zh-CN": "详细信息" },
          columns: 2,
          items: [{ field: "name", column: 0 }],
        },
      ],
    };
    await waitFor(() => expect(draft.get("layout", "visitLayout")).toEqual(expected));
    const put = calls.find((c) => c.method === "PUT");
    expect(put?.path).toBe("/api/v1/metadata/draft/layout/visitLayout");
    expect(put?.body).toEqual(expected);
  });

  it("is not the default when the object has a layout already", async () => {
    const other = { ...layoutOf(section("main", 1, [{ field: "name" }])), name: "other", default: true };
    const draft = draftOf([siteVisit(), other]);
    renderDesigner(PATH, draft);
    await screen.findByRole("button", { name: "Move Visit name" });
    await save();
    await waitFor(() => expect(draft.get("layout", "visitLayout")).toBeDefined());
    expect(draft.get("layout", "visitLayout")).not.toHaveProperty("default");
  });

  it("says so when the object is not in the draft", async () => {
    renderDesigner("/objects/nothing/layouts/x", draftOf([siteVisit()]));
    expect(await screen.findByText('The object "nothing" is not in the draft.')).toBeTruthy();
  });
});

describe("placing and removing fields", () => {
  it("places a field from the palette with the keyboard: Space, arrow keys, Space", async () => {
    const draft = draftOf([siteVisit()]);
    renderDesigner(PATH, draft);
    const handle = await screen.findByRole("button", { name: "Place Visit date" });
    handle.focus();
    await press(handle, " ", "Space");
    // The targets in reading order: Visit name, the end of column 1, the end of column 2.
    await press(handle, "ArrowDown", "ArrowDown");
    await press(handle, "ArrowDown", "ArrowDown");
    await press(handle, "ArrowDown", "ArrowDown");
    await press(handle, " ", "Space");
    await waitFor(() => expect(handlesIn("Column 2 of section Details")).toEqual(["Move Visit date"]));
    expect(screen.queryByRole("button", { name: "Place Visit date" })).toBeNull();
    await save();
    await waitFor(() =>
      expect(draft.get("layout", "visitLayout")?.sections).toEqual([
        expect.objectContaining({
          items: [
            { field: "name", column: 0 },
            { field: "visitDate", column: 1 },
          ],
        }),
      ]),
    );
  });

  it("moves a placed field to another column with the keyboard", async () => {
    const layout = layoutOf(
      section("main", 2, [
        { field: "name", column: 0 },
        { field: "status", column: 0 },
      ]),
    );
    renderDesigner(PATH, draftOf([siteVisit(), layout]));
    const handle = await screen.findByRole("button", { name: "Move Status" });
    handle.focus();
    await press(handle, " ", "Space");
    // From Status: the end of column 1, then the end of column 2.
    await press(handle, "ArrowDown", "ArrowDown");
    await press(handle, "ArrowDown", "ArrowDown");
    await press(handle, " ", "Space");
    await waitFor(() => expect(handlesIn("Column 2 of section main")).toEqual(["Move Status"]));
    expect(handlesIn("Column 1 of section main")).toEqual(["Move Visit name"]);
  });

  it("moves the selected field to another section from its properties", async () => {
    const layout = layoutOf(
      section("main", 1, [{ field: "name" }, { field: "status" }]),
      section("more", 2, []),
    );
    renderDesigner(PATH, draftOf([siteVisit(), layout]));
    await userEvent.click(await screen.findByRole("button", { name: "Properties of Status" }));
    fireEvent.mouseDown(screen.getByRole("combobox", { name: "Section of Status" }));
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>(".ant-select-item-option")].find(
        (el) => el.getAttribute("title") === "more",
      );
      if (found === undefined) throw new Error("no option");
      return found;
    });
    fireEvent.click(option);
    await waitFor(() => expect(handlesIn("Column 1 of section more")).toEqual(["Move Status"]));
  });

  it("removes a field, which goes back to the palette; a required field cannot be removed", async () => {
    const layout = layoutOf(section("main", 1, [{ field: "name" }, { field: "status" }]));
    renderDesigner(PATH, draftOf([siteVisit(), layout]));
    await userEvent.click(await screen.findByRole("button", { name: "Remove Status from layout" }));
    expect(await screen.findByRole("button", { name: "Place Status" })).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Remove Visit name from layout" }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect((within(toolbar()).getByRole("button", { name: /Undo/ }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it("offers the system fields and the related lists pointing to the object", async () => {
    renderDesigner(PATH, draftOf([siteVisit(), visitReport()]));
    expect(await screen.findByRole("button", { name: "Place Owner" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Place Created by" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Place related list Visit reports (Visit)" })).toBeTruthy();
    expect(
      screen.getByRole("button", { name: "Place related list Visit reports (Follow-up of)" }),
    ).toBeTruthy();
  });

  it("adds a related list with the keyboard, with the runtime's default columns", async () => {
    const draft = draftOf([siteVisit(), visitReport()]);
    renderDesigner(PATH, draft);
    const handle = await screen.findByRole("button", { name: "Place related list Visit reports (Visit)" });
    handle.focus();
    await press(handle, " ", "Space");
    await press(handle, "ArrowDown", "ArrowDown");
    await press(handle, " ", "Space");
    expect(
      await screen.findByRole("button", { name: "Move related list Visit reports (Visit)" }),
    ).toBeTruthy();
    await save();
    await waitFor(() =>
      expect(draft.get("layout", "visitLayout")?.relatedLists).toEqual([
        { object: "visitReport", field: "visit", columns: ["title", "followUp"] },
      ]),
    );
  });
});

describe("sections", () => {
  it("adds a section, sets its columns, and reorders sections with the keyboard", async () => {
    renderDesigner(PATH, draftOf([siteVisit()]));
    await userEvent.click(await screen.findByRole("button", { name: /Add section/ }));
    const handle = await screen.findByRole("button", { name: "Move section New section" });
    pick("Columns of section New section", "3");
    expect(screen.getAllByRole("group", { name: /of section New section$/ })).toHaveLength(3);
    handle.focus();
    await press(handle, " ", "Space");
    await press(handle, "ArrowUp", "ArrowUp");
    await press(handle, " ", "Space");
    await waitFor(() =>
      expect(
        screen.getAllByRole("button", { name: /^Move section / }).map((b) => b.getAttribute("aria-label")),
      ).toEqual(["Move section New section", "Move section Details"]),
    );
  });
});

describe("a field's rules", () => {
  it("sets Visible when through the condition editor, over the object's fields", async () => {
    const draft = draftOf([siteVisit()]);
    renderDesigner(PATH, draft);
    await userEvent.click(await screen.findByRole("button", { name: "Properties of Visit name" }));
    const properties = screen.getByRole("region", { name: "Properties" });
    expect(within(properties).getAllByText("fields: name,visitDate,status,notes,account")).toHaveLength(3);
    await userEvent.click(within(properties).getByRole("button", { name: "Visible when" }));
    await save();
    await waitFor(() =>
      expect(draft.get("layout", "visitLayout")?.sections).toEqual([
        expect.objectContaining({ items: [{ field: "name", column: 0, visibleWhen: PLANNED }] }),
      ]),
    );
  });

  it("offers only Visible when for a field the system fills in", async () => {
    const layout = layoutOf(section("main", 1, [{ field: "name" }, { field: "ownerId" }]));
    renderDesigner(PATH, draftOf([siteVisit(), layout]));
    await userEvent.click(await screen.findByRole("button", { name: "Properties of Owner" }));
    const properties = screen.getByRole("region", { name: "Properties" });
    expect(within(properties).getByRole("button", { name: "Visible when" })).toBeTruthy();
    expect(within(properties).queryByRole("button", { name: "Required when" })).toBeNull();
  });

  it("shows the engine's problem on the placement it names", async () => {
    const layout = layoutOf(
      section("main", 1, [{ field: "name" }, { field: "status" }]),
      section("more", 1, [{ field: "status" }]),
    );
    const draft = draftOf([siteVisit(), layout]);
    renderDesigner(PATH, draft);
    await userEvent.click(await screen.findByRole("button", { name: "Properties of Visit name" }));
    await userEvent.click(screen.getByRole("button", { name: "Visible when" }));
    await save();
    const problems = await screen.findAllByText('Field "status" is placed on this layout more than once.');
    // On the second placement's row (besides the toolbar's list), not on the first one.
    expect(
      problems.map((el) => el.closest("[data-sortable-id]")?.getAttribute("data-sortable-id")),
    ).toContain("field|status|1");
    expect(
      problems.map((el) => el.closest("[data-sortable-id]")?.getAttribute("data-sortable-id")),
    ).not.toContain("field|status");
    expect(draft.get("layout", "visitLayout")).toEqual(layout);
  });
});

describe("the live preview", () => {
  const preview = () => screen.getByRole("region", { name: "Preview" });

  it("renders the unsaved layout as the runtime's create form", async () => {
    renderDesigner(PATH, draftOf([siteVisit()]));
    await screen.findByRole("button", { name: "Move Visit name" });
    expect(within(preview()).getByLabelText(/Visit name/)).toBeTruthy();
    expect(within(preview()).queryByText("Status")).toBeNull();
    const handle = screen.getByRole("button", { name: "Place Status" });
    handle.focus();
    await press(handle, " ", "Space");
    await press(handle, "ArrowDown", "ArrowDown");
    await press(handle, " ", "Space");
    await waitFor(() => expect(within(preview()).getByText("Status")).toBeTruthy());
  });

  it("switches to edit and read with sample data, and to Chinese labels", async () => {
    renderDesigner(PATH, draftOf([siteVisit()]));
    await screen.findByRole("button", { name: "Move Visit name" });
    pick("Preview mode", "Edit");
    expect(within(preview()).getByText("Sample data")).toBeTruthy();
    expect((within(preview()).getByLabelText(/Visit name/) as HTMLInputElement).value).toBe(
      "Sample Site visit",
    );
    pick("Preview mode", "Read");
    expect(within(preview()).getByText("Sample Site visit", { selector: "dd *, dd" })).toBeTruthy();
    pick("Preview language", "简体中文");
    await waitFor(() => expect(within(preview()).getByText("拜访名称")).toBeTruthy());
    expect(within(preview()).getByText("示例现场拜访", { selector: "dd *, dd" })).toBeTruthy();
    // The designer itself stays in English.
    expect(screen.getByRole("button", { name: "Move Visit name" })).toBeTruthy();
    pick("Preview mode", "Create");
    expect(within(preview()).getByLabelText(/拜访名称/)).toBeTruthy();
  });
});
