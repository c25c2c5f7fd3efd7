import type { JsonObject } from "@tessera/metadata";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Call } from "../../runtime/support/mock-fetch.js";
import { usersPage } from "./fixtures.js";

/** The option titled `option` of the newest open dropdown showing it (closed ones stay, hidden). */
const visibleOption = (option: string): HTMLElement | undefined =>
  [...document.querySelectorAll<HTMLElement>(".ant-select-item-option")]
    .filter((el) => el.closest(".ant-select-dropdown-hidden") === null)
    .reverse()
    .find((el) => el.getAttribute("title") === option);

/**
 * Opens an antd select by its accessible name and picks the option titled `option`. The option is
 * clicked in the same tick it is found: on a busy machine antd may redraw the dropdown's list
 * during an await between the two, and a click on the replaced node does nothing.
 */
export const choose = async (label: string, option: string, scope: HTMLElement = document.body) => {
  fireEvent.mouseDown(within(scope).getByRole("combobox", { name: label }));
  let clicked = false;
  await waitFor(() => {
    if (clicked) return;
    const found = visibleOption(option);
    if (found === undefined) throw new Error(`no option ${option}`);
    clicked = true;
    fireEvent.click(found);
  });
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

export { settle, stubRowRects } from "../support/row-rects.js";

/** The document the last PUT of `kind` sent to the draft. */
export const savedDocument = <T>(calls: readonly Call[], kind: string): T => {
  const put = putsOf(calls, kind).at(-1);
  if (put === undefined) throw new Error(`no ${kind} was saved`);
  return put.body as T;
};
