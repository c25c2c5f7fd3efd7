import type { JsonObject } from "@tessera/metadata";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { asDocument, companyObject, dealObject } from "../list-views/deal-object.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";
import { settle, stubRowRects } from "../support/row-rects.js";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const openDeals: JsonObject = {
  kind: "listView",
  name: "openDeals",
  object: "deal",
  label: { en: "Open deals" },
  columns: ["title"],
};

const sales: JsonObject = {
  kind: "app",
  name: "sales",
  label: { en: "Sales" },
  navigation: [
    { type: "page", page: "home" },
    { type: "object", object: "deal" },
    { type: "listView", listView: "openDeals" },
  ],
};

const documents = () => [asDocument(dealObject()), asDocument(companyObject()), openDeals, sales];

const menu = () =>
  within(screen.getByRole("region", { name: "Menu items in order" }))
    .getAllByRole("button", { name: /^Move / })
    .map((b) => b.getAttribute("aria-label"));

const choose = async (label: string, option: string) => {
  fireEvent.mouseDown(screen.getByRole("combobox", { name: label }));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>(".ant-select-item-option")].find(
      (el) => el.getAttribute("title") === option,
    );
    if (found === undefined) throw new Error(`no option ${option}`);
    return found;
  });
  fireEvent.click(item);
};

const save = () => userEvent.click(screen.getByRole("button", { name: /Save/ }));

describe("the app's menu", () => {
  it("shows the items in order, named as the runtime's menu names them", async () => {
    renderDesigner("/apps/sales", new FakeDraft(documents()));
    expect(await screen.findByRole("heading", { name: "App: Sales" })).toBeTruthy();
    expect(menu()).toEqual(["Move Home", "Move Deals", "Move Open deals"]);
  });

  it("reorders an item with the keyboard on its handle and saves the new order", async () => {
    const draft = new FakeDraft(documents());
    renderDesigner("/apps/sales", draft);
    const handle = await screen.findByRole("button", { name: "Move Home" });
    stubRowRects();
    handle.focus();
    fireEvent.keyDown(handle, { key: " ", code: "Space" });
    await settle();
    fireEvent.keyDown(handle, { key: "ArrowDown", code: "ArrowDown" });
    await settle();
    fireEvent.keyDown(handle, { key: " ", code: "Space" });
    await waitFor(() => expect(menu()).toEqual(["Move Deals", "Move Home", "Move Open deals"]));
    await save();
    await waitFor(() =>
      expect(draft.get("app", "sales")?.navigation).toEqual([
        { type: "object", object: "deal" },
        { type: "page", page: "home" },
        { type: "listView", listView: "openDeals" },
      ]),
    );
  });

  it("adds an object and a page at the end and removes an item", async () => {
    const draft = new FakeDraft(documents());
    renderDesigner("/apps/sales", draft);
    await screen.findByRole("heading", { name: "App: Sales" });
    await choose("Add object", "Companys");
    await choose("Add page", "Approvals");
    await userEvent.click(screen.getByRole("button", { name: "Remove Open deals" }));
    expect(menu()).toEqual(["Move Home", "Move Deals", "Move Companys", "Move Approvals"]);
    await save();
    await waitFor(() =>
      expect(draft.get("app", "sales")?.navigation).toEqual([
        { type: "page", page: "home" },
        { type: "object", object: "deal" },
        { type: "object", object: "company" },
        { type: "page", page: "approvals" },
      ]),
    );
  });

  it("offers only what the menu does not have yet", async () => {
    renderDesigner("/apps/sales", new FakeDraft(documents()));
    await screen.findByRole("heading", { name: "App: Sales" });
    fireEvent.mouseDown(screen.getByRole("combobox", { name: "Add page" }));
    await waitFor(() => {
      const titles = [...document.querySelectorAll(".ant-select-item-option")].map((el) =>
        el.getAttribute("title"),
      );
      expect(titles).toEqual(["Approvals", "Reports"]);
    });
    expect(
      (screen.getByRole("combobox", { name: "Add list view" }).closest(".ant-select") as HTMLElement)
        .className,
    ).toContain("ant-select-disabled");
  });

  it("keeps the last item: its remove button is disabled", async () => {
    const single: JsonObject = { ...sales, navigation: [{ type: "page", page: "home" }] };
    renderDesigner("/apps/sales", new FakeDraft([...documents().slice(0, 3), single]));
    const remove = await screen.findByRole("button", { name: "Remove Home" });
    expect((remove as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows the engine's refusal on the item it names and leaves the draft as it was", async () => {
    const twice: JsonObject = {
      ...sales,
      navigation: [
        { type: "page", page: "home" },
        { type: "page", page: "home" },
      ],
    };
    const draft = new FakeDraft([...documents().slice(0, 3), twice]);
    renderDesigner("/apps/sales", draft);
    await screen.findByRole("heading", { name: "App: Sales" });
    await choose("Add object", "Deals");
    await save();
    const items = screen.getByRole("region", { name: "Menu items in order" });
    expect(await within(items).findByText("This entry is already in the app's navigation.")).toBeTruthy();
    expect(draft.get("app", "sales")).toEqual(twice);
  });
});

describe("the app's details", () => {
  it("saves the label, description, icon and profiles, leaving emptied ones out", async () => {
    const profile: JsonObject = { kind: "profile", name: "salesUser", label: { en: "Sales user" } };
    const draft = new FakeDraft([...documents(), profile]);
    renderDesigner("/apps/sales", draft);
    fireEvent.change(await screen.findByRole("textbox", { name: "Label (中文)" }), {
      target: { value: "销售" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Description" }), {
      target: { value: "For the sales team" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Icon" }), { target: { value: "briefcase" } });
    await choose("Profiles", "Sales user");
    await save();
    await waitFor(() =>
      expect(draft.get("app", "sales")).toEqual({
        ...sales,
        label: { en: "Sales", "zh-CN": "销售" },
        description: { en: "For the sales team" },
        icon: "briefcase",
        profiles: ["salesUser"],
      }),
    );
  });

  it("shows a refused icon on the icon box", async () => {
    const draft = new FakeDraft(documents());
    renderDesigner("/apps/sales", draft);
    fireEvent.change(await screen.findByRole("textbox", { name: "Icon" }), {
      target: { value: "Brief Case" },
    });
    await save();
    const icon = screen.getByRole("textbox", { name: "Icon" });
    await waitFor(() => expect(icon.closest(".ant-form-item-has-error")).not.toBeNull());
    expect(draft.get("app", "sales")).toEqual(sales);
  });

  it("says so for an app the draft does not have", async () => {
    renderDesigner("/apps/nothing", new FakeDraft(documents()));
    expect(await screen.findByText("This document is not in the draft.")).toBeTruthy();
  });
});
