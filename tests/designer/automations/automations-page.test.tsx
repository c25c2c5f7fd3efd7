import type { Automation } from "@tessera/metadata";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { deal } from "../actions/fixtures.js";
import { choose, directory, documents } from "../actions/ui.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

const stageWatch: Automation = {
  kind: "automation",
  name: "stageWatch",
  object: "deal",
  label: { en: "Stage watch" },
  active: false,
  trigger: { type: "fieldChange", field: "stage" },
  actions: [{ type: "fieldUpdate", field: "approved", value: true }],
};

describe("the list of automation rules", () => {
  it("shows label, API name, object, trigger, active and the number of actions", async () => {
    renderDesigner("/automations", new FakeDraft(documents(deal, stageWatch)), directory);
    const link = await screen.findByRole("link", { name: "Stage watch" }, { timeout: 10_000 });
    expect(link.getAttribute("href")).toBe("/automations/stageWatch");
    const cells = [...(link.closest("tr")?.querySelectorAll("td") ?? [])].map((cell) => cell.textContent);
    expect(cells).toEqual(["Stage watch", "stageWatch", "Deal", "When a field changes", "No", "1"]);
  }, 60_000);

  it("starts a new automation on the chosen object", async () => {
    renderDesigner("/automations", new FakeDraft(documents(deal)), directory);
    await userEvent.click(await screen.findByRole("button", { name: "New automation" }, { timeout: 10_000 }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), {
      target: { value: "Won deals" },
    });
    await choose("Object", "Deal", dialog);
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(await screen.findByRole("heading", { name: "Won deals" }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Trigger" })).toBeTruthy();
  }, 60_000);
});
