import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ALL,
  type Call,
  dealRecord,
  dealServer,
  listCalls,
  mockFetch,
  READ_ONLY,
  renderAt,
  urlQuery,
  view,
} from "./list-harness.js";

// Rendering antd's tables and selects in happy-dom takes a few seconds per test.
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const table = () => screen.getByRole("table");
/** Column titles (the selection column has none). */
const headers = () =>
  within(table())
    .getAllByRole("columnheader")
    .map((h) => h.textContent?.trim())
    .filter((title) => title !== "");
const header = (title: string) => {
  const found = screen.getAllByRole("columnheader").find((h) => h.textContent?.trim() === title);
  if (found === undefined) throw new Error(`no column ${title}`);
  return found;
};
const location = () => urlQuery(screen.getByTestId("location"));
const lastList = (calls: readonly Call[]) => listCalls(calls).at(-1)?.query ?? new URLSearchParams();

/** Opens an antd select by its label and picks the option shown as `option`. */
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

const optionsOf = async (label: string): Promise<string[]> => {
  fireEvent.mouseDown(screen.getByRole("combobox", { name: label }));
  await waitFor(() =>
    expect(document.querySelector(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")).not.toBeNull(),
  );
  const open = [...document.querySelectorAll(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")].at(-1);
  return [...(open?.querySelectorAll(".ant-select-item-option") ?? [])].map(
    (el) => el.getAttribute("title") ?? "",
  );
};

describe("list of all records", () => {
  it("shows the record name and telling fields with localised headers, names linking to records", async () => {
    mockFetch(dealServer());
    renderAt("/o/deal");
    expect(await screen.findByRole("heading", { name: "All Deals" })).toBeTruthy();
    await screen.findByRole("link", { name: "Deal 1" });
    expect(headers()).toEqual(["Deal Title", "Stage", "Amount", "Close On", "Signed At", "Company"]);
    expect(screen.getByRole("link", { name: "Deal 1" }).getAttribute("href")).toBe("/o/deal/d1");
    expect(screen.getAllByText("Open")).toHaveLength(2);
  });

  it("asks for one page of the columns only, with the count", async () => {
    const calls = mockFetch(dealServer());
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    const query = lastList(calls);
    expect(query.get("limit")).toBe("25");
    expect(query.get("count")).toBe("true");
    expect(query.get("fields")).toBe("title,stage,amount,closeOn,signedAt,company");
    expect(screen.getByText("1–2 of 2")).toBeTruthy();
  });

  it("speaks Chinese when the user does", async () => {
    mockFetch(dealServer({ locale: "zh-CN" }));
    renderAt("/o/deal", "zh-CN");
    expect(await screen.findByRole("heading", { name: "全部交易" })).toBeTruthy();
    await screen.findByRole("link", { name: "Deal 1" });
    expect(headers().slice(0, 2)).toEqual(["交易标题", "阶段"]);
    expect(screen.getAllByText("进行中")).toHaveLength(2);
    expect(screen.getByText("第 1–2 条，共 2 条")).toBeTruthy();
  });
});

describe("list views", () => {
  it("shows a view's columns and sorts by its sort by default", async () => {
    const calls = mockFetch(
      dealServer({
        ui: { listViews: [view("bigOnes", { sort: [{ field: "amount", direction: "desc" }] })] },
      }),
    );
    renderAt("/o/deal?view=bigOnes");
    expect(await screen.findByRole("heading", { name: "bigOnes" })).toBeTruthy();
    await screen.findByRole("link", { name: "Deal 1" });
    expect(headers()).toEqual(["Deal Title", "Amount"]);
    expect(lastList(calls).get("sort")).toBe("-amount");
  });

  it("switches view from the selector, kept in the URL", async () => {
    mockFetch(dealServer({ ui: { listViews: [view("bigOnes")] } }));
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    await choose("List view", "bigOnes");
    await waitFor(() => expect(location().get("view")).toBe("bigOnes"));
    expect(await screen.findByRole("heading", { name: "bigOnes" })).toBeTruthy();
  });
});

describe("sorting by a column header", () => {
  it("sorts ascending, then descending, through the API and the URL", async () => {
    const calls = mockFetch(dealServer());
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    fireEvent.click(header("Amount"));
    await waitFor(() => expect(lastList(calls).get("sort")).toBe("amount"));
    expect(location().get("sort")).toBe("amount");
    await waitFor(() => expect(header("Amount").getAttribute("aria-sort")).toBe("ascending"));
    fireEvent.click(header("Amount"));
    await waitFor(() => expect(lastList(calls).get("sort")).toBe("-amount"));
    expect(location().get("sort")).toBe("-amount");
    await waitFor(() => expect(header("Amount").getAttribute("aria-sort")).toBe("descending"));
  });

  it("offers no sort on a lookup column", async () => {
    mockFetch(dealServer());
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    expect(header("Company").getAttribute("tabindex")).toBeNull();
    expect(header("Amount").getAttribute("tabindex")).toBe("0");
  });
});

describe("paging with cursors", () => {
  const pages: Record<string, { records: ReturnType<typeof dealRecord>[]; nextCursor: string | null }> = {
    "": { records: [dealRecord(1), dealRecord(2)], nextCursor: "c2" },
    c2: { records: [dealRecord(3), dealRecord(4)], nextCursor: "c3" },
    c3: { records: [dealRecord(5)], nextCursor: null },
  };
  const paged = () =>
    dealServer({ list: (call) => ({ body: { ...pages[call.query.get("cursor") ?? ""], total: 5 } }) });

  it("goes forward with the next cursor and back with the ones it kept", async () => {
    const calls = mockFetch(paged());
    renderAt("/o/deal?size=2");
    await screen.findByText("1–2 of 5");
    expect(screen.getByRole("button", { name: /Previous/ }).hasAttribute("disabled")).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: /Next/ }));
    await screen.findByText("3–4 of 5");
    expect(lastList(calls).get("cursor")).toBe("c2");
    await userEvent.click(screen.getByRole("button", { name: /Next/ }));
    await screen.findByText("5–5 of 5");
    expect(lastList(calls).get("cursor")).toBe("c3");
    expect(screen.getByRole("button", { name: /Next/ }).hasAttribute("disabled")).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: /Previous/ }));
    await screen.findByText("3–4 of 5");
    expect(lastList(calls).get("cursor")).toBe("c2");
    await userEvent.click(screen.getByRole("button", { name: /Previous/ }));
    await screen.findByText("1–2 of 5");
    expect(lastList(calls).has("cursor")).toBe(false);
    expect(screen.getAllByRole("row")).toHaveLength(3);
  });

  it("starts from the first page when the page size changes", async () => {
    const calls = mockFetch(paged());
    renderAt("/o/deal?size=2");
    await screen.findByText("1–2 of 5");
    await userEvent.click(screen.getByRole("button", { name: /Next/ }));
    await screen.findByText("3–4 of 5");
    await choose("Rows per page", "10 / page");
    await waitFor(() => expect(lastList(calls).get("limit")).toBe("10"));
    expect(lastList(calls).has("cursor")).toBe(false);
    expect(location().get("size")).toBe("10");
  });
});

describe("search box", () => {
  it("searches through the API's q, kept in the URL", async () => {
    const calls = mockFetch(dealServer());
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    await userEvent.type(screen.getByRole("searchbox", { name: "Search this list" }), "acme{Enter}");
    await waitFor(() => expect(lastList(calls).get("q")).toBe("acme"));
    expect(location().get("q")).toBe("acme");
  });
});

describe("filter bar", () => {
  it("offers the operators of each field's type", async () => {
    mockFetch(dealServer());
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    await userEvent.click(screen.getByRole("button", { name: /Add filter/ }));
    await choose("Field", "Stage");
    expect(await optionsOf("Operator")).toEqual(["equals", "does not equal", "is one of", "is empty"]);
    await choose("Field", "Close On");
    expect(await optionsOf("Operator")).toEqual([
      "equals",
      "does not equal",
      "before",
      "on or before",
      "after",
      "on or after",
      "between",
      "is empty",
    ]);
    await choose("Field", "Tags");
    expect(await optionsOf("Operator")).toEqual(["includes", "is empty"]);
  });

  it("applies a picklist condition as JsonLogic, in the request and the URL", async () => {
    const calls = mockFetch(dealServer());
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    await userEvent.click(screen.getByRole("button", { name: /Add filter/ }));
    await choose("Field", "Stage");
    await choose("Value", "Won");
    await userEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    const expected = { "==": [{ var: "stage" }, "won"] };
    await waitFor(() => expect(JSON.parse(lastList(calls).get("filter") ?? "null")).toEqual(expected));
    expect(JSON.parse(location().get("filter") ?? "null")).toEqual(expected);
  });

  it("applies a number condition typed in", async () => {
    const calls = mockFetch(dealServer());
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    await userEvent.click(screen.getByRole("button", { name: /Add filter/ }));
    await choose("Field", "Amount");
    await choose("Operator", "greater than");
    await userEvent.type(screen.getByRole("spinbutton", { name: "Value" }), "250");
    await userEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    await waitFor(() =>
      expect(JSON.parse(lastList(calls).get("filter") ?? "null")).toEqual({ ">": [{ var: "amount" }, 250] }),
    );
  });

  it("ands the filter bar's filter with the view's own", async () => {
    const calls = mockFetch(
      dealServer({ ui: { listViews: [view("openOnes", { filter: { "==": [{ var: "stage" }, "open"] } })] } }),
    );
    renderAt(`/o/deal?view=openOnes&filter=${encodeURIComponent('{"missing":["notes"]}')}`);
    await screen.findByRole("link", { name: "Deal 1" });
    expect(JSON.parse(lastList(calls).get("filter") ?? "null")).toEqual({
      and: [{ "==": [{ var: "stage" }, "open"] }, { missing: ["notes"] }],
    });
  });

  it("shows the URL's filter as rows, and clears it", async () => {
    const calls = mockFetch(dealServer());
    renderAt(`/o/deal?filter=${encodeURIComponent('{"==":[{"var":"stage"},"won"]}')}`);
    await screen.findByRole("link", { name: "Deal 1" });
    const row = screen.getByRole("group", { name: "Filters 1" });
    expect(within(row).getByTitle("Stage")).toBeTruthy();
    expect(within(row).getByTitle("equals")).toBeTruthy();
    expect(within(row).getByTitle("Won")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(lastList(calls).has("filter")).toBe(false));
    expect(location().has("filter")).toBe(false);
  });

  it("will not apply a row without a value", async () => {
    const calls = mockFetch(dealServer());
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    const sent = listCalls(calls).length;
    await userEvent.click(screen.getByRole("button", { name: /Add filter/ }));
    await choose("Field", "Stage");
    await userEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    expect(await screen.findByText("Complete or remove the filters without a value.")).toBeTruthy();
    expect(listCalls(calls)).toHaveLength(sent);
  });
});

describe("bulk delete", () => {
  it("is not offered without the delete permission: no row checkboxes, no button", async () => {
    mockFetch(dealServer({ permissions: { ...ALL, delete: false } }));
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.queryByRole("button", { name: /Delete selected/ })).toBeNull();
  });

  it("deletes the selected records after confirmation and reports the ones refused", async () => {
    const calls = mockFetch(
      dealServer({
        list: () => ({
          body: {
            records: [dealRecord(1), dealRecord(2, { version: 4 }), dealRecord(3)],
            nextCursor: null,
            total: 3,
          },
        }),
        other: (call) =>
          call.method !== "DELETE"
            ? undefined
            : call.path.endsWith("/d2")
              ? { status: 423, body: { title: "Locked", code: "record.locked" } }
              : { status: 204 },
      }),
    );
    renderAt("/o/deal");
    await screen.findByRole("link", { name: "Deal 1" });
    await userEvent.click(screen.getByRole("checkbox", { name: "Select Deal 1" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Select Deal 2" }));
    const lists = listCalls(calls).length;
    await userEvent.click(screen.getByRole("button", { name: /Delete selected \(2\)/ }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getAllByText("Delete 2 records?").length).toBeGreaterThan(0);
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect(await screen.findByText("1 records could not be deleted")).toBeTruthy();
    expect(screen.getByText("Deal 2: it is locked")).toBeTruthy();
    const deletes = calls.filter((c) => c.method === "DELETE");
    expect(deletes.map((c) => [c.path, c.headers["if-match"]])).toEqual([
      ["/api/v1/records/deal/d1", "1"],
      ["/api/v1/records/deal/d2", "4"],
    ]);
    await waitFor(() => expect(listCalls(calls).length).toBe(lists + 1));
  });
});

describe("states", () => {
  it("shows an empty list with New when the user may create", async () => {
    mockFetch(dealServer({ list: () => ({ body: { records: [], nextCursor: null, total: 0 } }) }));
    renderAt("/o/deal");
    expect(await screen.findByText("No records")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /New/ }).length).toBe(2);
    await userEvent.click(screen.getAllByRole("button", { name: /New/ })[0] as HTMLElement);
    expect(screen.getByTestId("location").textContent).toBe("/o/deal/new");
  });

  it("shows no New button without the create permission", async () => {
    mockFetch(
      dealServer({
        permissions: READ_ONLY,
        list: () => ({ body: { records: [], nextCursor: null, total: 0 } }),
      }),
    );
    renderAt("/o/deal");
    expect(await screen.findByText("No records")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /New/ })).toBeNull();
  });

  it("shows an error with Retry, which loads again", async () => {
    let fail = true;
    mockFetch(
      dealServer({
        list: () =>
          fail
            ? { status: 500, body: { title: "Store unavailable" } }
            : { body: { records: [dealRecord(1)], nextCursor: null, total: 1 } },
      }),
    );
    renderAt("/o/deal");
    expect(await screen.findByText("Store unavailable")).toBeTruthy();
    fail = false;
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("link", { name: "Deal 1" })).toBeTruthy();
  });
});
