import type { JsonObject, JsonValue } from "@tessera/metadata";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConditionEditorProps } from "../../../designer/src/conditions/condition-editor.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";
import { settle, stubRowRects } from "../support/row-rects.js";
import { asDocument, dealObject } from "./deal-object.js";

const OPEN: JsonValue = { "==": [{ var: "stage" }, "open"] };

/** The condition editor as the page uses it: through its props only (another area builds it). */
const seen: { props?: ConditionEditorProps } = {};
vi.mock("../../../designer/src/conditions/condition-editor.js", () => ({
  ConditionEditor: (props: ConditionEditorProps) => {
    seen.props = props;
    return (
      <div>
        <button type="button" aria-label={props.label} onClick={() => props.onChange(OPEN)}>
          {JSON.stringify(props.value ?? null)}
        </button>
        <button type="button" onClick={() => props.onChange(undefined)}>
          Clear {props.label}
        </button>
        {props.error !== undefined && <span>condition error: {props.error}</span>}
      </div>
    );
  },
}));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const PATH = "/objects/deal/list-views/openDeals";

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

const columnHandles = () =>
  within(screen.getByRole("region", { name: "Columns in order" }))
    .getAllByRole("button", { name: /^Move column / })
    .map((b) => b.getAttribute("aria-label"));

const previewHeaders = () =>
  within(screen.getByRole("region", { name: "Preview of the list" }))
    .getAllByRole("columnheader")
    .map((h) => h.textContent?.trim());

const save = () => userEvent.click(screen.getByRole("button", { name: /Save/ }));

/** The records API: the published deals, or a refusal. */
const records = (reply: { status?: number; body: unknown }) => (call: { path: string }) =>
  call.path === "/api/v1/records/deal" ? reply : undefined;

const publishedDeals = records({
  body: {
    records: [
      { id: "d1", version: 1, title: "Deal 1", amount: 1200, stage: "open" },
      { id: "d2", version: 1, title: "Deal 2", amount: 80, stage: "won" },
    ],
    nextCursor: null,
  },
});

describe("building a new list view", () => {
  it("starts as a valid view of the object with the record name column", async () => {
    renderDesigner(PATH, new FakeDraft([asDocument(dealObject())]), publishedDeals);
    expect(await screen.findByRole("heading", { name: "List view: Open deals" })).toBeTruthy();
    expect(columnHandles()).toEqual(["Move column Deal Title"]);
    expect(screen.getByText("openDeals")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add column Deal Title" })).toBeNull();
  });

  it("saves two added columns, a filter, a sort and a scope as one document", async () => {
    const draft = new FakeDraft([asDocument(dealObject())]);
    renderDesigner(PATH, draft, publishedDeals);
    const addAmount = await screen.findByRole("button", { name: "Add column Amount" });
    addAmount.focus();
    await userEvent.keyboard("{Enter}");
    screen.getByRole("button", { name: "Add column Stage" }).focus();
    await userEvent.keyboard("{Enter}");
    expect(columnHandles()).toEqual(["Move column Deal Title", "Move column Amount", "Move column Stage"]);
    expect(screen.queryByRole("button", { name: "Add column Amount" })).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Filter" }));
    await choose("Add sort field", "Amount");
    await userEvent.click(
      within(screen.getByRole("radiogroup", { name: "Direction of Amount" })).getByText("Descending"),
    );
    await choose("Add sort field", "Created");
    await userEvent.click(screen.getByRole("radio", { name: "The user's own records" }));
    await save();

    await waitFor(() =>
      expect(draft.get("listView", "openDeals")).toEqual({
        kind: "listView",
        name: "openDeals",
        object: "deal",
        label: { en: "Open deals" },
        columns: ["title", "amount", "stage"],
        filter: OPEN,
        sort: [
          { field: "amount", direction: "desc" },
          { field: "createdAt", direction: "asc" },
        ],
        scope: "mine",
      }),
    );
  });

  it("gives the condition editor the object's fields, in filter mode, under the name Filter", async () => {
    renderDesigner(PATH, new FakeDraft([asDocument(dealObject())]), publishedDeals);
    await screen.findByRole("button", { name: "Filter" });
    expect(seen.props?.filterOnly).toBe(true);
    expect(seen.props?.label).toBe("Filter");
    expect(seen.props?.fields.map((f) => f.name)).toEqual(dealObject().fields.map((f) => f.name));
  });

  it("offers only sortable fields to sort by", async () => {
    renderDesigner(PATH, new FakeDraft([asDocument(dealObject())]), publishedDeals);
    fireEvent.mouseDown(await screen.findByRole("combobox", { name: "Add sort field" }));
    const options = await waitFor(() => {
      const found = [...document.querySelectorAll(".ant-select-item-option")].map((el) =>
        el.getAttribute("title"),
      );
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    expect(options).toEqual(["Deal Title", "Stage", "Amount", "Close Date", "Created", "Last modified"]);
  });
});

describe("editing a stored list view", () => {
  const stored: JsonObject = {
    kind: "listView",
    name: "openDeals",
    object: "deal",
    label: { en: "Open deals" },
    columns: ["title", "amount", "stage"],
    filter: OPEN,
    sort: [
      { field: "stage", direction: "asc" },
      { field: "amount", direction: "desc" },
    ],
    scope: "team",
    pageSize: 50,
  };

  it("removes a column, a sort key, the filter and the options, leaving the keys out", async () => {
    const draft = new FakeDraft([asDocument(dealObject()), stored]);
    renderDesigner(PATH, draft, publishedDeals);
    await userEvent.click(await screen.findByRole("button", { name: "Remove column Amount" }));
    await userEvent.click(screen.getByRole("button", { name: "Remove sort Stage" }));
    await userEvent.click(screen.getByRole("button", { name: "Remove sort Amount" }));
    await userEvent.click(screen.getByRole("button", { name: "Clear Filter" }));
    await userEvent.click(screen.getByRole("radio", { name: "All records the user may see" }));
    fireEvent.change(screen.getByRole("spinbutton", { name: "Page size" }), { target: { value: "" } });
    await save();
    await waitFor(() =>
      expect(draft.get("listView", "openDeals")).toEqual({
        kind: "listView",
        name: "openDeals",
        object: "deal",
        label: { en: "Open deals" },
        columns: ["title", "stage"],
      }),
    );
  });

  it("keeps the last column: its remove button is disabled", async () => {
    renderDesigner(
      PATH,
      new FakeDraft([asDocument(dealObject()), { ...stored, columns: ["title"] }]),
      publishedDeals,
    );
    const remove = await screen.findByRole("button", { name: "Remove column Deal Title" });
    expect((remove as HTMLButtonElement).disabled).toBe(true);
  });

  it("undoes an added column", async () => {
    renderDesigner(PATH, new FakeDraft([asDocument(dealObject()), stored]), publishedDeals);
    await userEvent.click(await screen.findByRole("button", { name: "Add column Close Date" }));
    expect(columnHandles()).toContain("Move column Close Date");
    await userEvent.click(screen.getByRole("button", { name: /Undo/ }));
    expect(columnHandles()).toEqual(["Move column Deal Title", "Move column Amount", "Move column Stage"]);
  });

  it("shows the engine's refusal on the column it names and leaves the draft as it was", async () => {
    const twice: JsonObject = { ...stored, columns: ["title", "amount", "title"] };
    const draft = new FakeDraft([asDocument(dealObject()), twice]);
    renderDesigner(PATH, draft, publishedDeals);
    await userEvent.click(await screen.findByRole("button", { name: "Add column Close Date" }));
    await save();
    const columns = screen.getByRole("region", { name: "Columns in order" });
    expect(await within(columns).findByText('Column "title" is shown twice.')).toBeTruthy();
    expect(draft.get("listView", "openDeals")).toEqual(twice);
  });

  it("shows a refused label on the label box", async () => {
    const draft = new FakeDraft([asDocument(dealObject()), stored]);
    renderDesigner(PATH, draft, publishedDeals);
    fireEvent.change(await screen.findByRole("textbox", { name: "Label" }), { target: { value: "" } });
    await save();
    const label = screen.getByRole("textbox", { name: "Label" });
    await waitFor(() => expect(label.closest(".ant-form-item-has-error")).not.toBeNull());
    expect(draft.get("listView", "openDeals")).toEqual(stored);
  });

  it("shows a problem inside the filter on the condition editor", async () => {
    const draft = new FakeDraft([asDocument(dealObject()), stored]);
    const refuse = (call: { method: string; path: string }) =>
      call.method === "PUT" && call.path.endsWith("/listView/openDeals")
        ? {
            status: 422,
            body: {
              title: "Invalid",
              errors: [{ path: "/filter/==/0", code: "filter.unknownField", message: "No field stag." }],
            },
          }
        : publishedDeals(call);
    renderDesigner(PATH, draft, refuse);
    await userEvent.click(await screen.findByRole("button", { name: "Remove column Amount" }));
    await save();
    expect(await screen.findByText("condition error: No field stag.")).toBeTruthy();
  });

  it("reorders a column with the keyboard on its handle", async () => {
    renderDesigner(PATH, new FakeDraft([asDocument(dealObject()), stored]), publishedDeals);
    await screen.findByRole("button", { name: "Move column Amount" });
    stubRowRects();
    const handle = screen.getByRole("button", { name: "Move column Deal Title" });
    handle.focus();
    fireEvent.keyDown(handle, { key: " ", code: "Space" });
    await settle();
    fireEvent.keyDown(handle, { key: "ArrowDown", code: "ArrowDown" });
    await settle();
    fireEvent.keyDown(handle, { key: " ", code: "Space" });
    await waitFor(() =>
      expect(columnHandles()).toEqual(["Move column Amount", "Move column Deal Title", "Move column Stage"]),
    );
  });
});

describe("sorting by keyboard", () => {
  it("reorders sort keys with the keyboard on their handles and saves the new order", async () => {
    const sorted: JsonObject = {
      kind: "listView",
      name: "openDeals",
      object: "deal",
      label: { en: "Open deals" },
      columns: ["title"],
      sort: [
        { field: "stage", direction: "asc" },
        { field: "amount", direction: "desc" },
      ],
    };
    const draft = new FakeDraft([asDocument(dealObject()), sorted]);
    renderDesigner(PATH, draft, publishedDeals);
    const handle = await screen.findByRole("button", { name: "Move sort Stage" });
    stubRowRects();
    handle.focus();
    fireEvent.keyDown(handle, { key: " ", code: "Space" });
    await settle();
    fireEvent.keyDown(handle, { key: "ArrowDown", code: "ArrowDown" });
    await settle();
    fireEvent.keyDown(handle, { key: " ", code: "Space" });
    await settle();
    await save();
    await waitFor(() =>
      expect(draft.get("listView", "openDeals")?.sort).toEqual([
        { field: "amount", direction: "desc" },
        { field: "stage", direction: "asc" },
      ]),
    );
  });
});

describe("the live preview", () => {
  it("shows the runtime's headers in order and the published rows, read with the draft's list", async () => {
    const draft = new FakeDraft([asDocument(dealObject())]);
    const { calls } = renderDesigner(PATH, draft, publishedDeals);
    await userEvent.click(await screen.findByRole("button", { name: "Add column Amount" }));
    await userEvent.click(screen.getByRole("button", { name: "Filter" }));
    await waitFor(() => expect(previewHeaders()).toEqual(["Deal Title", "Amount"]));
    await screen.findByText("Deal 2");
    await waitFor(() => {
      const last = calls.filter((c) => c.path === "/api/v1/records/deal").at(-1);
      expect(last?.query.get("filter")).toBe(JSON.stringify(OPEN));
      expect(last?.query.get("limit")).toBe("5");
    });
  });

  it("shows the server's message when it refuses the list", async () => {
    renderDesigner(
      PATH,
      new FakeDraft([asDocument(dealObject())]),
      records({
        status: 400,
        body: {
          title: "The list request is not valid",
          errors: [{ path: "/sort/0", code: "sort.unknownField", message: 'Cannot sort by "amount".' }],
        },
      }),
    );
    expect(await screen.findByText("The server refused this list:")).toBeTruthy();
    expect(screen.getByText('Cannot sort by "amount".')).toBeTruthy();
  });

  it("says so when the object is not published yet", async () => {
    renderDesigner(PATH, new FakeDraft([asDocument(dealObject())]));
    expect(
      await screen.findByText("The object is not published yet: publish it to preview its records."),
    ).toBeTruthy();
  });
});

describe("a list view of an unknown object", () => {
  it("says the object is not in the draft", async () => {
    renderDesigner("/objects/nothing/list-views/openDeals", new FakeDraft([asDocument(dealObject())]));
    expect(await screen.findByText('The object "nothing" is not in the draft.')).toBeTruthy();
  });
});
