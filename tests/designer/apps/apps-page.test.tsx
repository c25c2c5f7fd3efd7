import type { JsonObject } from "@tessera/metadata";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { asDocument, dealObject } from "../list-views/deal-object.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const sales: JsonObject = {
  kind: "app",
  name: "sales",
  label: { en: "Sales", "zh-CN": "销售" },
  navigation: [
    { type: "page", page: "home" },
    { type: "object", object: "deal" },
  ],
};

describe("the apps list", () => {
  it("lists the draft's apps with their menus, each linking to its editor", async () => {
    renderDesigner("/apps", new FakeDraft([asDocument(dealObject()), sales]));
    const link = await screen.findByRole("link", { name: "Sales" });
    expect(link.getAttribute("href")).toBe("/apps/sales");
    expect(screen.getByText("Home · Deals")).toBeTruthy();
  });

  it("is reached from the designer's navigation, in Chinese too", async () => {
    renderDesigner("/objects", new FakeDraft([sales]), undefined, "zh-CN");
    const nav = await screen.findByRole("navigation");
    expect(within(nav).getByRole("link", { name: "应用" }).getAttribute("href")).toBe("/apps");
  });

  it("deletes an app from the draft after confirmation", async () => {
    const draft = new FakeDraft([asDocument(dealObject()), sales]);
    renderDesigner("/apps", draft);
    await userEvent.click(await screen.findByRole("button", { name: "Delete app Sales" }));
    await userEvent.click(await screen.findByRole("button", { name: "Delete" }));
    await waitFor(() => expect(draft.get("app", "sales")).toBeUndefined());
    await waitFor(() => expect(screen.queryByRole("link", { name: "Sales" })).toBeNull());
  });
});

describe("creating an app", () => {
  it("suggests the API name from the label, saves a valid app and opens its editor", async () => {
    const draft = new FakeDraft([asDocument(dealObject())]);
    renderDesigner("/apps", draft);
    await userEvent.click(await screen.findByRole("button", { name: /New app/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), {
      target: { value: "Field Service" },
    });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label (中文)" }), {
      target: { value: "现场服务" },
    });
    expect((within(dialog).getByRole("textbox", { name: "API name" }) as HTMLInputElement).value).toBe(
      "fieldService",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(await screen.findByRole("heading", { name: "App: Field Service" })).toBeTruthy();
    expect(draft.get("app", "fieldService")).toEqual({
      kind: "app",
      name: "fieldService",
      label: { en: "Field Service", "zh-CN": "现场服务" },
      navigation: [{ type: "page", page: "home" }],
    });
  });

  it("refuses a name another app has, without asking the engine", async () => {
    const draft = new FakeDraft([asDocument(dealObject()), sales]);
    const { calls } = renderDesigner("/apps", draft);
    await userEvent.click(await screen.findByRole("button", { name: /New app/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), { target: { value: "Sales" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "API name" }), {
      target: { value: "sales" },
    });
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(await within(dialog).findByText('An app named "sales" already exists.')).toBeTruthy();
    expect(calls.some((c) => c.method === "PUT")).toBe(false);
    expect(draft.get("app", "sales")).toEqual(sales);
  });

  it("asks for a label", async () => {
    renderDesigner("/apps", new FakeDraft([]));
    await userEvent.click(await screen.findByRole("button", { name: /New app/ }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(await within(dialog).findByText("Enter a label.")).toBeTruthy();
  });
});
