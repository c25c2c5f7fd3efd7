import type { JsonObject } from "@tessera/metadata";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { vi } from "vitest";
import type { Call } from "../../runtime/support/mock-fetch.js";
import { usersPage } from "./fixtures.js";

/**
 * Opens an antd select by its accessible name and picks the option titled `option` (from the
 * newest open dropdown showing it: dropdowns stay in the page once opened).
 */
export const choose = async (label: string, option: string, scope: HTMLElement = document.body) => {
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

/** The text an antd select shows as chosen. */
export const chosen = (label: string): string =>
  screen.getByRole("combobox", { name: label }).closest(".ant-select")?.textContent ?? "";

/** Types a condition as JSON into the condition editor named `label`. */
export const typeCondition = (label: string, json: unknown) => {
  const editor = screen.getByRole("group", { name: label });
  fireEvent.click(within(editor).getByText("JSON"));
  fireEvent.change(within(editor).getByRole("textbox", { name: "Condition JSON" }), {
    target: { value: JSON.stringify(json) },
  });
};

/** The help or problem shown under the form item holding `control`. */
export const helpOf = (control: HTMLElement): string =>
  control.closest(".ant-form-item")?.querySelector(".ant-form-item-explain")?.textContent ?? "";

/** Answers the users directory the way the record API does. */
export const directory = (call: Call) =>
  call.method === "GET" && call.path === "/api/v1/records/user" ? { body: usersPage } : undefined;

export const putsOf = (calls: readonly Call[], kind: string) =>
  calls.filter((c) => c.method === "PUT" && c.path.startsWith(`/api/v1/metadata/draft/${kind}/`));

/** Metadata documents as the draft holds them: plain JSON. */
export const documents = (...docs: readonly object[]): JsonObject[] =>
  docs.map((doc): JsonObject => JSON.parse(JSON.stringify(doc)));

/**
 * happy-dom lays nothing out: each sortable row gets a 40 px tall box in document order, so
 * dnd-kit's keyboard sensor finds the neighbouring row. Undone by vi.restoreAllMocks().
 */
export const stubRowRects = () => {
  const original = Element.prototype.getBoundingClientRect;
  vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
    const row = this.closest("[data-sortable-id]");
    if (row === null) return original.call(this);
    const top = [...document.querySelectorAll("[data-sortable-id]")].indexOf(row) * 40;
    return {
      x: 0,
      y: top,
      top,
      left: 0,
      width: 300,
      height: 36,
      right: 300,
      bottom: top + 36,
      toJSON: () => ({}),
    };
  });
};

/** Lets dnd-kit measure and re-render between key presses, as a person's pauses would. */
export const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));

/** The document the last PUT of `kind` sent to the draft. */
export const savedDocument = <T>(calls: readonly Call[], kind: string): T => {
  const put = putsOf(calls, kind).at(-1);
  if (put === undefined) throw new Error(`no ${kind} was saved`);
  return put.body as T;
};
