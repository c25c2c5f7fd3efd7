import type { FieldDefinition, JsonValue } from "@tessera/metadata";
import { LocaleProvider } from "@tessera/runtime";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { FormulaEditor } from "../../../designer/src/conditions/formula-editor.js";
import { amount, status, subject, urgent } from "./condition-fields.js";

const FIELDS: readonly FieldDefinition[] = [subject, amount, urgent, status];

const renderFormula = (value: JsonValue | undefined, returnType = "number") => {
  const changes: Array<JsonValue | undefined> = [];
  const Holder = () => {
    const [current, setCurrent] = useState(value);
    return (
      <FormulaEditor
        label="Formula"
        value={current}
        fields={FIELDS}
        returnType={returnType}
        onChange={(next) => {
          changes.push(next);
          setCurrent(next);
        }}
      />
    );
  };
  render(
    <LocaleProvider initial="en">
      <AntApp>
        <Holder />
      </AntApp>
    </LocaleProvider>,
  );
  return { changes, box: screen.getByRole("textbox", { name: "Formula" }) as HTMLTextAreaElement };
};

describe("editing a formula", () => {
  it("emits the expression as soon as the text parses", () => {
    const { changes, box } = renderFormula(undefined);
    fireEvent.change(box, { target: { value: '{"+": [{"var": "amount"}, 1]}' } });
    expect(changes).toEqual([{ "+": [{ var: "amount" }, 1] }]);
  });

  it("says why text that does not parse is not a formula", () => {
    const { changes, box } = renderFormula(undefined);
    fireEvent.change(box, { target: { value: '{"+": [' } });
    expect(changes).toEqual([]);
    expect(screen.getByText(/Not valid JSON/)).toBeTruthy();
  });

  it("reports an operator the rule language does not have", () => {
    const { box } = renderFormula(undefined);
    fireEvent.change(box, { target: { value: '{"log": [1]}' } });
    expect(screen.getByText(/The formula cannot be used/)).toBeTruthy();
  });

  it("inserts a field reference where the caret is", async () => {
    const { changes, box } = renderFormula({ "+": [0, 1] });
    box.setSelectionRange(box.value.indexOf("0"), box.value.indexOf("0") + 1);
    fireEvent.mouseDown(screen.getByRole("combobox", { name: "Insert field" }));
    const option = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ant-select-item-option[title="Amount"]');
      if (found === null) throw new Error("no option");
      return found;
    });
    fireEvent.click(option);
    expect(changes.at(-1)).toEqual({ "+": [{ var: "amount" }, 1] });
  });

  it("inserts a common operation", () => {
    const { changes } = renderFormula(undefined);
    fireEvent.click(screen.getByRole("button", { name: "Insert round" }));
    expect(changes).toEqual([{ round: [0, 2] }]);
  });
});

describe("the fields a formula reads", () => {
  it("lists them by label, and marks names that are not fields", () => {
    renderFormula({ cat: [{ var: "subject" }, { var: "nope" }] }, "text");
    const reads = screen.getByRole("region", { name: "Fields it reads" });
    expect(within(reads).getByText("Subject")).toBeTruthy();
    expect(within(reads).getByText("nope (not a field of this object)")).toBeTruthy();
  });
});

describe("testing a formula", () => {
  it("computes the result from sample values typed for the fields it reads", () => {
    renderFormula({ "*": [{ var: "amount" }, 2] });
    const panel = screen.getByRole("region", { name: "Test with a sample record" });
    fireEvent.change(within(panel).getByRole("spinbutton", { name: "Amount" }), { target: { value: "21" } });
    fireEvent.click(within(panel).getByRole("button", { name: "Test" }));
    const result = within(panel).getByRole("status", { name: "Result" });
    expect(result.textContent).toContain("Result (number)");
    expect(result.textContent).toContain("42");
  });

  it("asks only for the fields the formula reads", () => {
    renderFormula({ "*": [{ var: "amount" }, 2] });
    const panel = screen.getByRole("region", { name: "Test with a sample record" });
    expect(within(panel).queryByRole("textbox", { name: "Subject" })).toBeNull();
  });

  it("warns when the result does not fit the return type", () => {
    renderFormula({ cat: ["n", { var: "amount" }] }, "number");
    const panel = screen.getByRole("region", { name: "Test with a sample record" });
    fireEvent.click(within(panel).getByRole("button", { name: "Test" }));
    expect(within(panel).getByText(/A number formula cannot store this result/)).toBeTruthy();
  });

  it("does not run a formula the rule checker refuses", () => {
    renderFormula({ "*": [{ var: "amount" }, { unknownOp: [] }] });
    const panel = screen.getByRole("region", { name: "Test with a sample record" });
    expect(within(panel).getByRole("button", { name: "Test" })).toHaveProperty("disabled", true);
  });
});
