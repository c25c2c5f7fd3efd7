import type { FieldDefinition, JsonValue } from "@tessera/metadata";
import { LocaleProvider } from "@tessera/runtime";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App as AntApp } from "antd";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ConditionEditor } from "../../../designer/src/conditions/condition-editor.js";
import { ALL_FIELDS } from "./condition-fields.js";

interface Options {
  value?: JsonValue;
  fields?: readonly FieldDefinition[];
  filterOnly?: boolean;
  error?: string;
  locale?: "en" | "zh-CN";
}

/** The editor as a page holds it: the value lives outside, each change comes back as the new value. */
const renderEditor = ({ value, fields = ALL_FIELDS, filterOnly, error, locale = "en" }: Options = {}) => {
  const changes: Array<JsonValue | undefined> = [];
  const Holder = () => {
    const [current, setCurrent] = useState<JsonValue | undefined>(value);
    return (
      <ConditionEditor
        label="Error when"
        value={current}
        fields={fields}
        filterOnly={filterOnly}
        error={error}
        onChange={(next) => {
          changes.push(next);
          setCurrent(next);
        }}
      />
    );
  };
  render(
    <LocaleProvider initial={locale}>
      <AntApp>
        <Holder />
      </AntApp>
    </LocaleProvider>,
  );
  return { changes, editor: screen.getByRole("group", { name: "Error when" }) };
};

/**
 * Opens an antd select by its accessible name within `scope` and picks the option titled `option`
 * (from the newest dropdown showing it: dropdowns are added to the page as they first open).
 */
const choose = async (scope: HTMLElement, label: string, option: string) => {
  fireEvent.mouseDown(within(scope).getByRole("combobox", { name: label }));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>(".ant-select-item-option")]
      .filter((el) => el.closest(".ant-select-dropdown-hidden") === null)
      .reverse()
      .find((el) => el.getAttribute("title") === option);
    if (found === undefined) throw new Error(`no option ${option}`);
    return found;
  });
  fireEvent.click(item);
};

const row = (n: number) => screen.getByRole("group", { name: `Condition ${n}` });

const jsonBox = async () => {
  await userEvent.click(screen.getByText("JSON"));
  return screen.getByRole("textbox", { name: "Condition JSON" }) as HTMLTextAreaElement;
};

describe("building a condition with clicks", () => {
  it("emits status equals planned and visit date is empty as an and of the two", async () => {
    const { changes } = renderEditor();
    await userEvent.click(screen.getByRole("button", { name: "Add condition" }));
    await choose(row(1), "Field", "Status");
    await choose(row(1), "Value", "Planned");
    expect(changes.at(-1)).toEqual({ "==": [{ var: "status" }, "planned"] });
    await userEvent.click(screen.getByRole("button", { name: "Add condition" }));
    await choose(row(2), "Field", "Visit date");
    await choose(row(2), "Operator", "is empty");
    expect(changes.at(-1)).toEqual({
      and: [{ "==": [{ var: "status" }, "planned"] }, { missing: ["visitDate"] }],
    });
  });

  it("emits nothing for a row until it has a value", async () => {
    const { changes } = renderEditor();
    await userEvent.click(screen.getByRole("button", { name: "Add condition" }));
    await choose(row(1), "Field", "Amount");
    await choose(row(1), "Operator", "greater than");
    expect(changes).toEqual([]);
    fireEvent.change(within(row(1)).getByRole("spinbutton", { name: "Value" }), { target: { value: "100" } });
    expect(changes.at(-1)).toEqual({ ">": [{ var: "amount" }, 100] });
  });

  it("switches the top group to match any", async () => {
    const { changes } = renderEditor({
      value: { and: [{ missing: ["status"] }, { missing: ["visitDate"] }] },
    });
    fireEvent.click(screen.getByRole("radio", { name: "Match any" }));
    expect(changes).toEqual([{ or: [{ missing: ["status"] }, { missing: ["visitDate"] }] }]);
  });

  it("nests a group", async () => {
    const { changes } = renderEditor({ value: { missing: ["status"] } });
    await userEvent.click(screen.getAllByRole("button", { name: "Add group" })[0] as HTMLElement);
    const group = screen.getByRole("group", { name: "Group 1" });
    fireEvent.click(within(group).getByRole("radio", { name: "Match any" }));
    await choose(within(group).getByRole("group", { name: "Condition 1" }), "Field", "Urgent");
    expect(changes.at(-1)).toEqual({
      and: [{ missing: ["status"] }, { or: [{ "==": [{ var: "urgent" }, true] }] }],
    });
  });

  it("emits no condition once the last row is removed", async () => {
    const { changes } = renderEditor({ value: { missing: ["status"] } });
    await userEvent.click(within(row(1)).getByRole("button", { name: "Remove condition" }));
    expect(changes).toEqual([undefined]);
  });

  it("offers a picklist's values in the list of 'is one of'", async () => {
    const { changes } = renderEditor();
    await userEvent.click(screen.getByRole("button", { name: "Add condition" }));
    await choose(row(1), "Field", "Status");
    await choose(row(1), "Operator", "is one of");
    await choose(row(1), "Value", "Done");
    expect(changes.at(-1)).toEqual({ in: [{ var: "status" }, ["done"]] });
  });

  it("gives a date a date picker named Value, and a range two named From and To", async () => {
    renderEditor();
    await userEvent.click(screen.getByRole("button", { name: "Add condition" }));
    await choose(row(1), "Field", "Visit date");
    expect(within(row(1)).getByRole("textbox", { name: "Value" }).closest(".ant-picker")).not.toBeNull();
    await choose(row(1), "Operator", "between");
    expect(within(row(1)).getByRole("textbox", { name: "From" })).toBeTruthy();
    expect(within(row(1)).getByRole("textbox", { name: "To" })).toBeTruthy();
  });

  it("asks a yes/no field for yes or no", async () => {
    const { changes } = renderEditor();
    await userEvent.click(screen.getByRole("button", { name: "Add condition" }));
    await choose(row(1), "Field", "Urgent");
    await choose(row(1), "Value", "No");
    expect(changes.at(-1)).toEqual({ "==": [{ var: "urgent" }, false] });
  });
});

describe("loading a condition", () => {
  const logic: JsonValue = {
    or: [
      { and: [{ "==": [{ var: "status" }, "planned"] }, { missing: ["visitDate"] }] },
      { ">": [{ "+": [{ var: "amount" }, 1] }, 5] },
    ],
  };

  it("shows its rows, its groups and what rows cannot show as JSON", () => {
    renderEditor({ value: logic });
    expect(screen.getAllByRole("radio", { name: "Match any" })[0]).toHaveProperty("checked", true);
    const group = screen.getByRole("group", { name: "Group 1" });
    expect(within(group).getAllByTitle("Status").length).toBeGreaterThan(0);
    expect(within(group).getAllByTitle("Planned").length).toBeGreaterThan(0);
    expect(within(group).getAllByTitle("is empty").length).toBeGreaterThan(0);
    const topRow = screen.getAllByRole("group", { name: "Condition 1" }).at(-1) as HTMLElement;
    const raw = within(topRow).getByRole("textbox", { name: "Condition as JSON" }) as HTMLTextAreaElement;
    expect(JSON.parse(raw.value)).toEqual({ ">": [{ "+": [{ var: "amount" }, 1] }, 5] });
  });

  it("emits it back unchanged after an edit is undone by hand", async () => {
    const { changes } = renderEditor({ value: logic });
    fireEvent.click(screen.getAllByRole("radio", { name: "Match all" })[0] as HTMLElement);
    fireEvent.click(screen.getAllByRole("radio", { name: "Match any" })[0] as HTMLElement);
    expect(changes).toHaveLength(2);
    expect(JSON.stringify(changes[1])).toBe(JSON.stringify(logic));
  });

  it("emits nothing just for being shown", () => {
    const { changes } = renderEditor({ value: logic });
    expect(changes).toEqual([]);
  });
});

describe("the JSON view", () => {
  it("shows what the visual view built", async () => {
    renderEditor();
    await userEvent.click(screen.getByRole("button", { name: "Add condition" }));
    await choose(row(1), "Field", "Visit date");
    await choose(row(1), "Operator", "is empty");
    expect(JSON.parse((await jsonBox()).value)).toEqual({ missing: ["visitDate"] });
  });

  it("updates the rows from JSON that parses", async () => {
    const { changes } = renderEditor();
    const box = await jsonBox();
    const typed = { and: [{ "!=": [{ var: "status" }, "done"] }, { "!": { missing: ["visitDate"] } }] };
    fireEvent.change(box, { target: { value: JSON.stringify(typed) } });
    expect(changes).toEqual([typed]);
    await userEvent.click(screen.getByText("Visual"));
    expect(within(row(1)).getAllByTitle("does not equal").length).toBeGreaterThan(0);
    expect(within(row(2)).getAllByTitle("is not empty").length).toBeGreaterThan(0);
  });

  it("keeps text that does not parse out of the condition and says why", async () => {
    const { changes } = renderEditor({ value: { missing: ["status"] } });
    const box = await jsonBox();
    fireEvent.change(box, { target: { value: '{"missing": [' } });
    expect(changes).toEqual([]);
    expect(screen.getByText(/Not valid JSON/)).toBeTruthy();
  });

  it("clearing the text means no condition", async () => {
    const { changes } = renderEditor({ value: { missing: ["status"] } });
    fireEvent.change(await jsonBox(), { target: { value: "  " } });
    expect(changes).toEqual([undefined]);
  });
});

describe("filters only", () => {
  it("refuses a condition outside the storable subset with the metadata's reason", async () => {
    const { changes } = renderEditor({ filterOnly: true });
    fireEvent.change(await jsonBox(), {
      target: { value: JSON.stringify({ ">": [{ "+": [{ var: "amount" }, 1] }, 5] }) },
    });
    expect(changes).toEqual([]);
    expect(
      screen.getByText(/A list filter cannot use this condition: Filters can compare a field with a value/),
    ).toBeTruthy();
  });

  it("accepts a storable one", async () => {
    const { changes } = renderEditor({ filterOnly: true });
    fireEvent.change(await jsonBox(), {
      target: { value: JSON.stringify({ "!": { missing: ["status"] } }) },
    });
    expect(changes).toEqual([{ "!": { missing: ["status"] } }]);
  });

  it("says so about a loaded condition outside the subset", () => {
    renderEditor({ filterOnly: true, value: { "==": [{ var: "amount" }, { var: "price" }] } });
    expect(screen.getByText(/A list filter cannot use this condition/)).toBeTruthy();
  });
});

describe("errors and languages", () => {
  it("shows the engine's problem on the editor", () => {
    const { editor } = renderEditor({ error: 'The rule reads "nope", which is not a field of "visit".' });
    expect(within(editor).getByText(/which is not a field/)).toBeTruthy();
    expect(editor.getAttribute("aria-describedby")).not.toBeNull();
  });

  it("speaks Chinese", async () => {
    renderEditor({ locale: "zh-CN", value: { missing: ["status"] } });
    expect(screen.getByRole("button", { name: "添加条件" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "满足全部" })).toBeTruthy();
    expect(
      within(screen.getByRole("group", { name: "条件 1" })).getAllByTitle("状态").length,
    ).toBeGreaterThan(0);
  });
});
