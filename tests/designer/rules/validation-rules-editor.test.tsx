import type { JsonObject } from "@tessera/metadata";
import { LocaleProvider } from "@tessera/runtime";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App as AntApp } from "antd";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { DraftProvider, useDraft } from "../../../designer/src/draft/draft-context.js";
import { EditorToolbar } from "../../../designer/src/editing/editor-toolbar.js";
import { useDocumentEditor } from "../../../designer/src/editing/use-document-editor.js";
import { ValidationRulesEditor } from "../../../designer/src/rules/validation-rules-editor.js";
import { date, option, picklist, text } from "../../metadata/builders.js";
import { mockFetch } from "../../runtime/support/mock-fetch.js";
import { FakeDraft } from "../support/designer-harness.js";

const siteVisit = (extra: Record<string, unknown> = {}): JsonObject =>
  ({
    kind: "object",
    name: "siteVisit",
    label: { en: "Site Visit" },
    pluralLabel: { en: "Site Visits" },
    recordName: "subject",
    sharingModel: "private",
    fields: [
      text("subject", { label: { en: "Subject" } }),
      picklist("status", {
        label: { en: "Status" },
        options: [option("planned", "Planned", "计划中"), option("done", "Done", "已完成")],
      }),
      date("visitDate", { label: { en: "Visit date" } }),
    ],
    ...extra,
  }) as unknown as JsonObject;

/** The rules tab as the object page will hold it, once the draft is loaded (as the shell waits for it). */
const RulesTab = () => (useDraft().loading ? null : <LoadedRulesTab />);

/** The object's editor, its toolbar and the rules editor. */
const LoadedRulesTab = () => {
  const editor = useDocumentEditor("object", "siteVisit");
  if (editor.value === undefined) return null;
  return (
    <>
      <EditorToolbar editor={editor} />
      <ValidationRulesEditor editor={editor} />
    </>
  );
};

const renderRules = async (draft: FakeDraft) => {
  localStorage.setItem("tessera.token", "test-token");
  mockFetch((call) => draft.handle(call));
  render(
    <LocaleProvider initial="en">
      <MemoryRouter>
        <AntApp>
          <DraftProvider>
            <RulesTab />
          </DraftProvider>
        </AntApp>
      </MemoryRouter>
    </LocaleProvider>,
  );
  await screen.findByRole("button", { name: "Add rule" });
};

/** Opens an antd select by its name within `scope` and picks `option` from the newest dropdown showing it. */
const choose = async (scope: HTMLElement, label: string, option: string) => {
  fireEvent.mouseDown(within(scope).getByRole("combobox", { name: label }));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>(".ant-select-item-option")]
      .reverse()
      .find((el) => el.getAttribute("title") === option);
    if (found === undefined) throw new Error(`no option ${option}`);
    return found;
  });
  fireEvent.click(item);
};

const ruleCard = (name: string) => screen.getByRole("group", { name: `Rule ${name}` });

describe("building a validation rule", () => {
  it("saves 'visit date required when status is planned' to the draft", async () => {
    const draft = new FakeDraft([siteVisit()]);
    await renderRules(draft);
    await userEvent.click(screen.getByRole("button", { name: "Add rule" }));
    fireEvent.change(within(ruleCard("rule")).getByRole("textbox", { name: "Error message" }), {
      target: { value: "Visit date is required when planned" },
    });
    const card = ruleCard("visitDateIsRequiredWhenPlanned");
    const condition = within(card).getByRole("group", { name: "Error when" });
    await userEvent.click(within(condition).getByRole("button", { name: "Add condition" }));
    await choose(within(condition).getByRole("group", { name: "Condition 1" }), "Field", "Status");
    await choose(within(condition).getByRole("group", { name: "Condition 1" }), "Value", "Planned");
    await userEvent.click(within(condition).getByRole("button", { name: "Add condition" }));
    await choose(within(condition).getByRole("group", { name: "Condition 2" }), "Field", "Visit date");
    await choose(within(condition).getByRole("group", { name: "Condition 2" }), "Operator", "is empty");
    await choose(card, "Show the error on", "Visit date");
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(draft.get("object", "siteVisit")?.validationRules).toEqual([
        {
          name: "visitDateIsRequiredWhenPlanned",
          errorWhen: { and: [{ "==": [{ var: "status" }, "planned"] }, { missing: ["visitDate"] }] },
          message: { en: "Visit date is required when planned" },
          field: "visitDate",
        },
      ]),
    );
  });

  it("shows a loaded rule's condition as rows", async () => {
    const rule = {
      name: "needsDate",
      errorWhen: { and: [{ "==": [{ var: "status" }, "planned"] }, { missing: ["visitDate"] }] },
      message: { en: "Needs a date" },
    };
    await renderRules(new FakeDraft([siteVisit({ validationRules: [rule] })]));
    const condition = within(ruleCard("needsDate")).getByRole("group", { name: "Error when" });
    expect(
      within(within(condition).getByRole("group", { name: "Condition 2" })).getAllByTitle("is empty").length,
    ).toBe(1);
  });
});

describe("the engine's problems", () => {
  it("shows a missing message on the message box and leaves the draft as it was", async () => {
    const draft = new FakeDraft([siteVisit()]);
    await renderRules(draft);
    await userEvent.click(screen.getByRole("button", { name: "Add rule" }));
    const condition = within(ruleCard("rule")).getByRole("group", { name: "Error when" });
    await userEvent.click(within(condition).getByRole("button", { name: "Add condition" }));
    await choose(within(condition).getByRole("group", { name: "Condition 1" }), "Field", "Visit date");
    await choose(within(condition).getByRole("group", { name: "Condition 1" }), "Operator", "is empty");
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    const box = within(ruleCard("rule")).getByRole("textbox", { name: "Error message" });
    await waitFor(() => expect(box.closest(".ant-form-item-has-error")).not.toBeNull());
    expect(draft.get("object", "siteVisit")?.validationRules).toBeUndefined();
  });

  it("shows a condition the rule language refuses on the condition", async () => {
    const rule = { name: "odd", errorWhen: { log: ["x"] }, message: { en: "Odd" } };
    const draft = new FakeDraft([siteVisit()]);
    await renderRules(draft);
    // The draft holds a valid object; the rule arrives through the condition's JSON view.
    await userEvent.click(screen.getByRole("button", { name: "Add rule" }));
    fireEvent.change(within(ruleCard("rule")).getByRole("textbox", { name: "Error message" }), {
      target: { value: rule.message.en },
    });
    const card = ruleCard("odd");
    await userEvent.click(within(card).getByText("JSON"));
    fireEvent.change(within(card).getByRole("textbox", { name: "Condition JSON" }), {
      target: { value: JSON.stringify(rule.errorWhen) },
    });
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    const condition = within(card).getByRole("group", { name: "Error when" });
    expect(await within(condition).findByText('The "log" operation is not allowed in rules')).toBeTruthy();
    expect(draft.get("object", "siteVisit")?.validationRules).toBeUndefined();
  });
});

describe("editing the list", () => {
  const two = [
    { name: "first", errorWhen: { missing: ["subject"] }, message: { en: "First" } },
    { name: "second", errorWhen: { missing: ["status"] }, message: { en: "Second" }, active: false },
  ];

  it("removes a rule", async () => {
    const draft = new FakeDraft([siteVisit({ validationRules: two })]);
    await renderRules(draft);
    await userEvent.click(within(ruleCard("first")).getByRole("button", { name: "Remove rule" }));
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(draft.get("object", "siteVisit")?.validationRules).toEqual([two[1]]));
  });

  it("switches a rule on, leaving no active key", async () => {
    const draft = new FakeDraft([siteVisit({ validationRules: two })]);
    await renderRules(draft);
    await userEvent.click(within(ruleCard("second")).getByRole("switch", { name: "Active" }));
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(draft.get("object", "siteVisit")?.validationRules).toEqual([
        two[0],
        { name: "second", errorWhen: { missing: ["status"] }, message: { en: "Second" } },
      ]),
    );
  });

  it("makes each change one undo step", async () => {
    await renderRules(new FakeDraft([siteVisit({ validationRules: two })]));
    fireEvent.change(within(ruleCard("first")).getByRole("textbox", { name: "API name" }), {
      target: { value: "renamed" },
    });
    await userEvent.click(within(ruleCard("second")).getByRole("switch", { name: "Active" }));
    await userEvent.click(screen.getByRole("button", { name: /Undo/ }));
    expect(
      within(ruleCard("second")).getByRole("switch", { name: "Active" }).getAttribute("aria-checked"),
    ).toBe("false");
    expect(screen.getByRole("group", { name: "Rule renamed" })).toBeTruthy();
  });

  it("names each drag handle after its rule", async () => {
    await renderRules(new FakeDraft([siteVisit({ validationRules: two })]));
    expect(screen.getByRole("button", { name: "Move rule first" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Move rule second" })).toBeTruthy();
  });
});
