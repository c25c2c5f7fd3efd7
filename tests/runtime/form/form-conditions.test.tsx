import { compileLayoutForm } from "@tessera/metadata";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { RecordForm } from "../../../runtime/src/form/record-form.js";
import type { FormValues } from "../../../runtime/src/form/record-values.js";
import { LocaleProvider } from "../../../runtime/src/i18n/locale-context.js";
import { dealFields, dealLayout, dealObject } from "./form-harness.js";

// antd in happy-dom renders slowly when the machine is busy; these are not timing tests.
const SLOW = { timeout: 20_000 };

const compiled = compileLayoutForm(dealLayout, dealObject, { locale: "en", mode: "create" });

/** The form as a page holds it: the values in state, every change applied. */
const DealForm = ({
  initial = {},
  editable = dealFields.map((f) => f.name),
  onSubmit,
}: {
  initial?: FormValues;
  editable?: string[];
  onSubmit: (values: FormValues, hidden: readonly string[]) => void;
}) => {
  const [values, setValues] = useState<FormValues>(initial);
  return (
    <LocaleProvider initial="en">
      <RecordForm
        compiled={compiled}
        editable={new Set(editable)}
        values={values}
        onChange={setValues}
        ruleContext={{}}
        referenceNames={{}}
        recordNameOf={() => "name"}
        saving={false}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />
    </LocaleProvider>
  );
};

const errorOf = (field: string) => document.getElementById(`root_${field}__error`)?.textContent;

describe("live layout rules", SLOW, () => {
  it("shows a field only while its visibleWhen rule holds", async () => {
    render(<DealForm onSubmit={() => {}} />);
    expect(screen.queryByLabelText("Loss reason")).toBeNull();
    await userEvent.click(screen.getByLabelText("Closed lost"));
    expect(await screen.findByLabelText("Loss reason")).toBeTruthy();
    await userEvent.click(screen.getByLabelText("Closed lost"));
    await waitFor(() => expect(screen.queryByLabelText("Loss reason")).toBeNull());
  });

  it("requires a field while its requiredWhen rule holds, and checks it on submit", async () => {
    const onSubmit = vi.fn();
    render(<DealForm initial={{ name: "Big deal" }} onSubmit={onSubmit} />);
    await userEvent.click(screen.getByLabelText("Closed lost"));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(errorOf("lossReason")).toBe("Enter a value."));
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText("Loss reason"), "Price");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      name: "Big deal",
      closedLost: true,
      lossReason: "Price",
    });
  });

  it("does not require, and reports as hidden, a field its rule hides", async () => {
    const onSubmit = vi.fn();
    render(<DealForm initial={{ name: "Big deal", lossReason: "Old reason" }} onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[1]).toEqual(["lossReason"]);
  });

  it("makes a field read-only while its readOnlyWhen rule holds", async () => {
    render(<DealForm onSubmit={() => {}} />);
    const discount = screen.getByLabelText("Discount") as HTMLInputElement;
    expect(discount.disabled).toBe(false);
    await userEvent.type(screen.getByLabelText("Amount"), "5000");
    await waitFor(() => expect((screen.getByLabelText("Discount") as HTMLInputElement).disabled).toBe(true));
  });

  it("shows fields the user may not edit as read-only", () => {
    render(
      <DealForm
        initial={{ region: "EMEA" }}
        editable={dealFields.map((f) => f.name).filter((name) => name !== "region")}
        onSubmit={() => {}}
      />,
    );
    const region = screen.getByLabelText("Region") as HTMLInputElement;
    expect(region.value).toBe("EMEA");
    expect(region.disabled).toBe(true);
    expect((screen.getByLabelText("Deal name") as HTMLInputElement).disabled).toBe(false);
  });
});

describe("layout", SLOW, () => {
  it("renders the layout's sections with their titles, in order", () => {
    render(<DealForm onSubmit={() => {}} />);
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "Deal",
      "Closing",
    ]);
  });

  it("refuses invalid input on submit with the field's error", async () => {
    const onSubmit = vi.fn();
    render(<DealForm initial={{ name: "Big deal", amount: -5 }} onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(errorOf("amount")).toBe("Enter 0 or more."));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
