import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

// The whole designer renders in these tests; on a busy machine the first paint takes seconds.

const account = {
  kind: "object",
  name: "account",
  label: { en: "Account", "zh-CN": "客户" },
  pluralLabel: { en: "Accounts", "zh-CN": "客户" },
  recordName: "name",
  sharingModel: "private",
  fields: [{ name: "name", type: "text", label: { en: "Name" } }],
};
const sales = {
  kind: "app",
  name: "sales",
  label: { en: "Sales" },
  navigation: [{ type: "object", object: "account" }],
};

describe("the list of objects", () => {
  it("shows each object's label, API name, field count and sharing model, and filters by search", async () => {
    renderDesigner("/objects", new FakeDraft([account]));
    const row = (await screen.findByRole("link", { name: "Account" })).closest("tr") as HTMLElement;
    expect(within(row).getByText("account")).toBeTruthy();
    expect(within(row).getByText("1")).toBeTruthy();
    expect(within(row).getByText("Private")).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "Search objects" }), { target: { value: "zzz" } });
    expect(screen.queryByRole("link", { name: "Account" })).toBeNull();
  });

  it("shows labels in Chinese for a Chinese-speaking admin", async () => {
    renderDesigner("/objects", new FakeDraft([account]), undefined, "zh-CN");
    expect(await screen.findByRole("link", { name: "客户" })).toBeTruthy();
    expect(screen.getByRole("button", { name: /新建对象/ })).toBeTruthy();
  });
});

describe("creating an object", () => {
  it("saves the object with a name derived from the label and adds it to the app", async () => {
    const draft = new FakeDraft([account, sales]);
    const { calls } = renderDesigner("/objects", draft);
    await userEvent.click(await screen.findByRole("button", { name: /New object/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), {
      target: { value: "Site Visit" },
    });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label (中文)" }), {
      target: { value: "现场拜访" },
    });
    expect((within(dialog).getByRole("textbox", { name: "API name" }) as HTMLInputElement).value).toBe(
      "siteVisit",
    );
    expect((within(dialog).getByRole("textbox", { name: "Plural label" }) as HTMLInputElement).value).toBe(
      "Site Visits",
    );
    await userEvent.click(within(dialog).getByRole("radio", { name: /Public read only/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    await waitFor(() => expect(draft.get("app", "sales")).toBeDefined());
    const put = calls.find((c) => c.method === "PUT" && c.path === "/api/v1/metadata/draft/object/siteVisit");
    expect(put?.body).toEqual({
      kind: "object",
      name: "siteVisit",
      label: { en: "Site Visit", "zh-CN": "现场拜访" },
      pluralLabel: { en: "Site Visits", "zh-CN": "现场拜访" },
      recordName: "name",
      sharingModel: "publicRead",
      fields: [
        {
          name: "name",
          type: "text",
          label: { en: "Name", "zh-CN": "名称" },
          required: true,
          maxLength: 255,
        },
      ],
    });
    await waitFor(() =>
      expect(draft.get("app", "sales")?.navigation).toEqual([
        { type: "object", object: "account" },
        { type: "object", object: "siteVisit" },
      ]),
    );
    expect(await screen.findByRole("tab", { name: "Fields" })).toBeTruthy();
  });

  it("keeps the API name the admin typed, names records by number, and leaves the app alone when asked", async () => {
    const draft = new FakeDraft([account, sales]);
    renderDesigner("/objects", draft);
    await userEvent.click(await screen.findByRole("button", { name: /New object/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "API name" }), {
      target: { value: "visit" },
    });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), {
      target: { value: "Site Visit" },
    });
    expect((within(dialog).getByRole("textbox", { name: "API name" }) as HTMLInputElement).value).toBe(
      "visit",
    );
    await userEvent.click(within(dialog).getByRole("radio", { name: /A number given automatically/ }));
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Number format" }), {
      target: { value: "VIS-{0000}" },
    });
    await userEvent.click(within(dialog).getByRole("combobox", { name: "Show it in the app" }));
    await userEvent.click(await screen.findByText("Do not add it to an app"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    await waitFor(() => expect(draft.get("object", "visit")).toBeDefined());
    expect(draft.get("object", "visit")?.fields).toEqual([
      {
        name: "name",
        type: "autoNumber",
        label: { en: "Name", "zh-CN": "名称" },
        format: "VIS-{0000}",
        startAt: 1,
      },
    ]);
    expect(draft.get("app", "sales")).toEqual(sales);
  });

  it("says while typing that the API name is taken or malformed, and creates nothing", async () => {
    const draft = new FakeDraft([account]);
    const { calls } = renderDesigner("/objects", draft);
    await userEvent.click(await screen.findByRole("button", { name: /New object/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), {
      target: { value: "Account" },
    });
    expect(await within(dialog).findByText("Another object is already named account.")).toBeTruthy();
    fireEvent.change(within(dialog).getByRole("textbox", { name: "API name" }), {
      target: { value: "Bad_name" },
    });
    expect(within(dialog).getByText(/Use letters and digits only/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(calls.some((c) => c.method === "PUT")).toBe(false);
  });
});
