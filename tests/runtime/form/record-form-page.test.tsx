import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Call, dealServer, dealUi, type Handler, mockFetch, renderAt } from "./form-harness.js";

const SLOW = { timeout: 20_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const deal = (version: number, extra: Record<string, unknown> = {}) => ({
  id: "d1",
  version,
  ownerId: "u1",
  name: "Big deal",
  account: { id: "a1", name: "Acme Retail Group" },
  amount: 100,
  stage: "open",
  closedLost: false,
  region: null,
  ...extra,
});

/** The edit page of deal d1 at `version`; `save` answers its PATCH. */
const editServer = (save: (call: Call) => { status?: number; body?: unknown }, versions = [3]): Handler => {
  let reads = 0;
  return dealServer(dealUi(), (call) => {
    if (call.method === "GET" && call.path === "/api/v1/records/deal/d1") {
      const version = versions[Math.min(reads, versions.length - 1)] ?? 3;
      reads += 1;
      return { body: deal(version, version > 3 ? { amount: 400, region: "APAC" } : {}) };
    }
    if (call.method === "PATCH" && call.path === "/api/v1/records/deal/d1") return save(call);
    return undefined;
  });
};

const patches = (calls: Call[]) => calls.filter((c) => c.method === "PATCH");
const errorOf = (field: string) => document.getElementById(`root_${field}__error`)?.textContent;
const location = () => screen.getByTestId("location").textContent;
// After a save, antd's leaving spinner stays in the button in happy-dom (no animations end there).
const saveButton = () => screen.getByRole("button", { name: /Save$/ });

const changeAmount = async (amount: string) => {
  const input = await screen.findByLabelText("Amount");
  await userEvent.clear(input);
  await userEvent.type(input, amount);
};

describe("editing a record", SLOW, () => {
  it("loads the record, shows lookups by name, and sends only the changed fields with its version", async () => {
    const calls = mockFetch(editServer((call) => ({ body: deal(4, call.body as Record<string, unknown>) })));
    renderAt("/o/deal/d1/edit");
    expect(await screen.findByRole("heading", { name: "Edit Deal" })).toBeTruthy();
    expect((screen.getByLabelText("Deal name") as HTMLInputElement).value).toBe("Big deal");
    expect(screen.getByLabelText("Account").closest(".ant-select")?.textContent).toContain(
      "Acme Retail Group",
    );

    await changeAmount("250");
    await userEvent.click(saveButton());

    await waitFor(() => expect(location()).toBe("/o/deal/d1"));
    expect(patches(calls)).toHaveLength(1);
    expect(patches(calls)[0]?.body).toEqual({ amount: 250 });
    expect(patches(calls)[0]?.headers["if-match"]).toBe("3");
    // The account's name came with the record: no lookup of it.
    expect(calls.some((c) => c.path.startsWith("/api/v1/records/account"))).toBe(false);
  });

  it("sends null for a value the user cleared", async () => {
    const calls = mockFetch(editServer(() => ({ body: deal(4) })));
    renderAt("/o/deal/d1/edit");
    await userEvent.clear(await screen.findByLabelText("Amount"));
    await userEvent.click(saveButton());
    await waitFor(() => expect(patches(calls)).toHaveLength(1));
    expect(patches(calls)[0]?.body).toEqual({ amount: null });
  });

  it("shows each server error on the field its pointer names, the others above the form, and keeps the input", async () => {
    const calls = mockFetch(
      editServer(() => ({
        status: 422,
        body: {
          title: "Some fields are not valid",
          errors: [
            { path: "/amount", code: "rule.amountCap", message: "Deals above 200 need a manager." },
            { path: "/region", code: "field.required", message: '"region" is required.' },
            { path: "", code: "rule.owner", message: "Assign an owner first." },
            { path: "/secretField", code: "field.unknown", message: "No such field." },
          ],
        },
      })),
    );
    renderAt("/o/deal/d1/edit");
    await changeAmount("250");
    await userEvent.click(saveButton());

    await waitFor(() => expect(errorOf("amount")).toBe("Deals above 200 need a manager."));
    expect(errorOf("region")).toBe("Enter a value.");
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Some fields need your attention");
    expect(alert.textContent).toContain("Assign an owner first.");
    expect(alert.textContent).toContain("No such field.");
    expect((screen.getByLabelText("Amount") as HTMLInputElement).value).toBe("250.00");
    expect(screen.queryByTestId("location")).toBeNull();
    expect(patches(calls)).toHaveLength(1);

    // A field's server error goes once the user changes that field.
    await changeAmount("150");
    await waitFor(() => expect(errorOf("amount")).toBeUndefined());
    expect(errorOf("region")).toBe("Enter a value.");
  });

  it("offers to reload a record someone else changed, then shows the latest version", async () => {
    const calls = mockFetch(
      editServer(
        () => ({
          status: 409,
          body: { title: "The record was changed by someone else", code: "record.stale" },
        }),
        [3, 4],
      ),
    );
    renderAt("/o/deal/d1/edit");
    await changeAmount("250");
    await userEvent.click(saveButton());

    const stale = await screen.findByRole("alert");
    expect(stale.textContent).toContain("Someone else changed this record since you opened it.");
    await userEvent.click(screen.getByRole("button", { name: "Reload" }));

    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toContain("The latest version is loaded"),
    );
    expect((screen.getByLabelText("Amount") as HTMLInputElement).value).toBe("400.00");
    expect((screen.getByLabelText("Region") as HTMLInputElement).value).toBe("APAC");

    await changeAmount("500");
    await userEvent.click(saveButton());
    await waitFor(() => expect(patches(calls)).toHaveLength(2));
    expect(patches(calls)[1]?.headers["if-match"]).toBe("4");
    expect(patches(calls)[1]?.body).toEqual({ amount: 500 });
  });

  it("says so when the record is locked for approval", async () => {
    mockFetch(editServer(() => ({ status: 423, body: { title: "Locked", code: "record.locked" } })));
    renderAt("/o/deal/d1/edit");
    await changeAmount("250");
    await userEvent.click(saveButton());
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This record is locked while it waits for approval",
    );
  });

  it("warns up front that a record waiting for approval is locked", async () => {
    mockFetch(
      dealServer(dealUi({ hasApprovalProcess: true }), (call) => {
        if (call.path === "/api/v1/records/deal/d1/approval")
          return { body: { status: "pending", locked: true } };
        if (call.path === "/api/v1/records/deal/d1") return { body: deal(3) };
        return undefined;
      }),
    );
    renderAt("/o/deal/d1/edit");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This record is locked while it waits for approval",
    );
  });

  it("says so when the user may not make the change", async () => {
    mockFetch(editServer(() => ({ status: 403, body: { title: "Forbidden", code: "forbidden" } })));
    renderAt("/o/deal/d1/edit");
    await changeAmount("250");
    await userEvent.click(saveButton());
    expect((await screen.findByRole("alert")).textContent).toContain("You may not make this change.");
  });

  it("asks before leaving with unsaved changes, and stays when the user keeps editing", async () => {
    mockFetch(editServer(() => ({ body: deal(4) })));
    renderAt("/o/deal/d1/edit");
    await changeAmount("250");
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findAllByText("Leave without saving?")).not.toHaveLength(0);
    await userEvent.click(screen.getByRole("button", { name: "Keep editing" }));
    expect(screen.queryByTestId("location")).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    // The first dialog is still leaving (happy-dom ends no animation): the new one is the last.
    await waitFor(() => expect(screen.getAllByRole("button", { name: "Leave" })).toHaveLength(2));
    await userEvent.click(screen.getAllByRole("button", { name: "Leave" })[1] as HTMLElement);
    await waitFor(() => expect(location()).toBe("/o/deal"));
  });
});

describe("creating a record", SLOW, () => {
  it("does not offer the form to a user who may not create records", async () => {
    mockFetch(dealServer(dealUi({ permissions: { create: false, edit: true, delete: false } })));
    renderAt("/o/deal/new");
    expect(await screen.findByText("You may not create records of this kind.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
  });

  it("posts the values given and opens the new record", async () => {
    const calls = mockFetch(
      dealServer(dealUi(), (call) =>
        call.method === "POST" && call.path === "/api/v1/records/deal"
          ? { status: 201, body: { id: "d7", version: 1 } }
          : undefined,
      ),
    );
    renderAt("/o/deal/new?region=EMEA");
    await userEvent.type(await screen.findByLabelText("Deal name"), "New deal");
    await changeAmount("99.5");
    await userEvent.click(saveButton());
    await waitFor(() => expect(location()).toBe("/o/deal/d7"));
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      name: "New deal",
      amount: 99.5,
      region: "EMEA",
    });
  });
});

describe("in Chinese", SLOW, () => {
  it("shows the form's texts, labels, options and problems in the user's language", async () => {
    mockFetch(dealServer(dealUi(), () => undefined, "zh-CN"));
    renderAt("/o/deal/new?stage=won");
    expect(await screen.findByRole("heading", { name: "新建交易" })).toBeTruthy();
    expect(screen.getByLabelText("Stage").closest(".ant-select")?.textContent).toBe("赢单");
    // antd spaces out two-character Chinese button texts.
    expect(screen.getByRole("button", { name: /取\s?消/ })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: /保\s?存$/ }));
    await waitFor(() => expect(errorOf("name")).toBe("请填写此项。"));
  });
});
