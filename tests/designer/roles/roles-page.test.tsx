import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Handler } from "../../runtime/support/mock-fetch.js";
import { choose } from "../actions/ui.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

// The whole designer renders in each test; on a loaded machine that takes more than a second.

const role = (name: string, en: string, parent?: string) => ({
  kind: "role",
  name,
  label: { en },
  ...(parent !== undefined && { parent }),
});
const ceo = role("ceo", "CEO");
const vpSales = role("vpSales", "VP Sales", "ceo");
const east = role("east", "Sales East", "vpSales");
const vpService = role("vpService", "VP Service", "ceo");

const noUsers: Handler = (call) =>
  call.method === "GET" && call.path === "/api/v1/records/user"
    ? { body: { records: [], nextCursor: null } }
    : undefined;

const setup = (more: Handler = noUsers) => {
  const draft = new FakeDraft([ceo, vpSales, east, vpService]);
  return { draft, ...renderDesigner("/roles", draft, more) };
};

const select = async (name: string) => fireEvent.click(await screen.findByRole("button", { name }));

describe("the role tree", () => {
  it("shows each role with a drag handle named after it", async () => {
    setup();
    expect(await screen.findByRole("button", { name: "Move Sales East" })).toBeTruthy();
    const tree = screen.getByRole("list", { name: "Role hierarchy" });
    expect(within(tree).getAllByRole("button", { name: /^Move / })).toHaveLength(4);
  });
});

describe("re-parenting with Reports to", () => {
  it("changes only the moved role's parent and saves that document", async () => {
    const { draft, calls } = setup();
    await select("Sales East");
    await choose("Reports to", "VP Service");
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(draft.get("role", "east")).toEqual(role("east", "Sales East", "vpService")));
    expect(calls.filter((c) => c.method === "PUT").map((c) => c.path)).toEqual([
      "/api/v1/metadata/draft/role/east",
    ]);
  });

  it("to nobody makes it a top role", async () => {
    const { draft } = setup();
    await select("VP Service");
    await choose("Reports to", "Nobody (top role)");
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(draft.get("role", "vpService")).toEqual(role("vpService", "VP Service")));
  });

  it("refuses a role below it, with a message, and changes nothing", async () => {
    const { draft } = setup();
    await select("VP Sales");
    await choose("Reports to", "Sales East");
    expect(
      await screen.findByText(
        "VP Sales cannot report to Sales East: Sales East is below VP Sales, so the hierarchy would loop.",
      ),
    ).toBeTruthy();
    expect((screen.getByRole("button", { name: /Save/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(draft.get("role", "vpSales")).toEqual(vpSales);
  });

  it("undo puts the role back under its old parent", async () => {
    setup();
    await select("Sales East");
    await choose("Reports to", "VP Service");
    fireEvent.click(screen.getByRole("button", { name: /Undo/ }));
    await waitFor(() =>
      expect(
        screen.getByRole("combobox", { name: "Reports to" }).closest(".ant-select")?.textContent,
      ).toContain("VP Sales"),
    );
  });
});

describe("adding, renaming and deleting roles", () => {
  it("adds a role under the selected one", async () => {
    const { draft } = setup();
    await select("VP Sales");
    fireEvent.click(screen.getByRole("button", { name: /New role/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), {
      target: { value: "Sales West" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    await waitFor(() =>
      expect(draft.get("role", "salesWest")).toEqual(role("salesWest", "Sales West", "vpSales")),
    );
    expect(await screen.findByRole("button", { name: "Move Sales West" })).toBeTruthy();
  });

  it("renames a role by its label", async () => {
    const { draft } = setup();
    await select("VP Service");
    fireEvent.change(screen.getByRole("textbox", { name: "Label" }), { target: { value: "VP Support" } });
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(draft.get("role", "vpService")?.label).toEqual({ en: "VP Support" }));
  });

  it("refuses to delete a role other roles report to", async () => {
    const { draft } = setup();
    await select("VP Sales");
    fireEvent.click(screen.getByRole("button", { name: /Delete role/ }));
    expect(
      await screen.findByText("VP Sales cannot be deleted: 1 role(s) report to it. Move them first."),
    ).toBeTruthy();
    expect(draft.get("role", "vpSales")).toEqual(vpSales);
  });

  it("refuses to delete a role users have, asking the user records by role", async () => {
    const { draft, calls } = setup((call) =>
      call.path === "/api/v1/records/user"
        ? { body: { records: [{ id: "u7" }], nextCursor: null } }
        : undefined,
    );
    await select("Sales East");
    fireEvent.click(screen.getByRole("button", { name: /Delete role/ }));
    expect(await screen.findByText(/Sales East cannot be deleted: users have this role/)).toBeTruthy();
    const asked = calls.find((c) => c.path === "/api/v1/records/user");
    expect(JSON.parse(asked?.query.get("filter") ?? "")).toEqual({ "==": [{ var: "role" }, "east"] });
    expect(draft.get("role", "east")).toEqual(east);
  });

  it("deletes a role without users or subordinates after confirmation", async () => {
    const { draft } = setup();
    await select("Sales East");
    fireEvent.click(screen.getByRole("button", { name: /Delete role/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(draft.get("role", "east")).toBeUndefined());
  });
});
