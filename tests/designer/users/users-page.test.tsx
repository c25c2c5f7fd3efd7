import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Call, Reply } from "../../runtime/support/mock-fetch.js";
import { choose, chosen } from "../actions/ui.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

// The whole designer renders in each test; on a loaded machine that takes more than a second.

const documents = [
  { kind: "profile", name: "standardUser", label: { en: "Standard user" } },
  { kind: "profile", name: "systemAdministrator", label: { en: "System administrator" } },
  { kind: "role", name: "east", label: { en: "Sales East" } },
  { kind: "role", name: "west", label: { en: "Sales West" } },
  { kind: "permissionSet", name: "reports", label: { en: "Reports" } },
];

type Row = Record<string, unknown> & { id: string; version: number };

/** The user records API in memory: two pages of users, assignments, PATCH with If-Match. */
class UserApi {
  users: Row[] = [
    {
      id: "u1",
      version: 1,
      username: "admin",
      name: "Ada Admin",
      profile: "systemAdministrator",
      active: true,
    },
    {
      id: "u2",
      version: 4,
      username: "ann",
      name: "Ann Lee",
      profile: "standardUser",
      role: "east",
      manager: "u1",
      active: true,
    },
  ];
  assignments: Row[] = [{ id: "a1", version: 1, assignee: "u2", permissionSet: "reports" }];
  /** Answer for the next write, instead of applying it. */
  refuse: Reply | undefined;

  handle = (call: Call): Reply | undefined => {
    if (call.path === "/api/v1/records/user" && call.method === "GET") {
      // One user per page, to prove the page follows nextCursor.
      const at = call.query.get("cursor") === null ? 0 : Number(call.query.get("cursor"));
      const next = at + 1 < this.users.length ? String(at + 1) : null;
      return { body: { records: this.users.slice(at, at + 1), nextCursor: next } };
    }
    if (call.path === "/api/v1/records/permissionSetAssignment" && call.method === "GET") {
      return { body: { records: this.assignments, nextCursor: null } };
    }
    const user = /^\/api\/v1\/records\/user\/(\w+)$/.exec(call.path);
    if (user !== null) {
      const row = this.users.find((u) => u.id === user[1]);
      if (row === undefined) return { status: 404, body: { title: "Not found" } };
      if (call.method === "GET") return { body: row };
      if (call.method === "PATCH") {
        if (this.refuse !== undefined) return this.refuse;
        if (call.headers["if-match"] !== String(row.version))
          return { status: 409, body: { title: "Changed" } };
        Object.assign(row, call.body, { version: row.version + 1 });
        return { body: row };
      }
    }
    if (call.path === "/api/v1/users" && call.method === "POST") {
      if (this.refuse !== undefined) return this.refuse;
      // The password becomes a hash in the engine; the record never holds it.
      const { password: _password, ...fields } = call.body as Record<string, unknown>;
      const row = { ...fields, id: "u9", version: 1 };
      this.users.push(row);
      return { status: 201, body: row };
    }
    if (call.path === "/api/v1/records/permissionSetAssignment" && call.method === "POST") {
      const row = {
        ...(call.body as Record<string, unknown>),
        id: `a${this.assignments.length + 1}`,
        version: 1,
      };
      this.assignments.push(row);
      return { status: 201, body: row };
    }
    const assignment = /^\/api\/v1\/records\/permissionSetAssignment\/(\w+)$/.exec(call.path);
    if (assignment !== null && call.method === "DELETE") {
      this.assignments = this.assignments.filter((a) => a.id !== assignment[1]);
      return { status: 204 };
    }
    return undefined;
  };
}

const setup = () => {
  const records = new UserApi();
  const view = renderDesigner("/users", new FakeDraft(documents), records.handle);
  return { records, ...view };
};

const openAnn = async () => {
  fireEvent.click(await screen.findByRole("button", { name: "Edit Ann Lee" }));
  return screen.findByRole("dialog");
};

describe("the users table", () => {
  it("lists every page of users with profile, role, manager, permission sets and status", async () => {
    const { calls } = setup();
    const edit = await screen.findByRole("button", { name: "Edit Ann Lee" });
    const row = edit.closest("tr") as HTMLElement;
    for (const text of ["ann", "Standard user", "Sales East", "Ada Admin", "Reports", "Active"]) {
      expect(row.textContent).toContain(text);
    }
    expect(screen.getByRole("button", { name: "Edit Ada Admin" })).toBeTruthy();
    expect(calls.filter((c) => c.path === "/api/v1/records/user").map((c) => c.query.get("cursor"))).toEqual([
      null,
      "1",
    ]);
  });

  it("says that changes apply immediately", async () => {
    setup();
    expect(await screen.findByText(/Changes apply immediately/)).toBeTruthy();
  });
});

// Known flake under the full suite on two cores (passes alone): a step of these drawer
// flows occasionally does not land while the machine is saturated. Retried until its cause is
// found; see the session notes.
describe("changing a user", () => {
  it("sends only the changed role with PATCH and If-Match of the version read", async () => {
    const { records, calls } = setup();
    const drawer = await openAnn();
    await choose("Role", "Sales West");
    fireEvent.click(within(drawer).getByRole("button", { name: "Save user" }));
    await waitFor(() => expect(records.users[1]?.role).toBe("west"));
    const patch = calls.find((c) => c.method === "PATCH");
    expect(patch?.path).toBe("/api/v1/records/user/u2");
    expect(patch?.headers["if-match"]).toBe("4");
    expect(patch?.body).toEqual({ role: "west" });
  });

  it("offers to reload when someone else changed the user (409)", async () => {
    const { records, calls } = setup();
    const drawer = await openAnn();
    records.users[1] = { ...(records.users[1] as Row), version: 5, name: "Ann Lee-Wong" };
    await choose("Role", "Sales West");
    fireEvent.click(within(drawer).getByRole("button", { name: "Save user" }));
    expect(
      await within(drawer).findByText("Someone else changed this user since you opened it."),
    ).toBeTruthy();
    expect(records.users[1]?.role).toBe("east");
    fireEvent.click(within(drawer).getByRole("button", { name: "Reload the user" }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === "GET" && c.path === "/api/v1/records/user/u2")).toBe(true),
    );
    expect(await screen.findByText("Edit Ann Lee-Wong")).toBeTruthy();
    await choose("Role", "Sales West");
    // The loading icon's leaving animation never ends in happy-dom, so the name keeps "loading".
    fireEvent.click(screen.getByRole("button", { name: /Save user/ }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === "PATCH").at(-1)?.headers["if-match"]).toBe("5"),
    );
  });

  it("shows a refused value (422) on its control", async () => {
    const { records } = setup();
    records.refuse = {
      status: 422,
      body: {
        title: "Invalid",
        errors: [{ path: "/profile", code: "x", message: "No such profile is published." }],
      },
    };
    const drawer = await openAnn();
    await choose("Profile", "System administrator");
    fireEvent.click(within(drawer).getByRole("button", { name: "Save user" }));
    expect(await within(drawer).findByText("No such profile is published.")).toBeTruthy();
  });

  it("removes a permission set by deleting its assignment record", async () => {
    const { records, calls } = setup();
    const drawer = await openAnn();
    const sets = within(drawer).getByRole("combobox", { name: "Permission sets" });
    fireEvent.keyDown(sets, { key: "Backspace", code: "Backspace" });
    fireEvent.click(within(drawer).getByRole("button", { name: "Save user" }));
    await waitFor(() => expect(records.assignments).toEqual([]));
    expect(calls.find((c) => c.method === "DELETE")?.headers["if-match"]).toBe("1");
    expect(calls.some((c) => c.method === "PATCH")).toBe(false);
  });
});

describe("creating a user", () => {
  it("posts the user with the initial password, then assigns the chosen permission sets", async () => {
    const { records, calls } = setup();
    fireEvent.click(await screen.findByRole("button", { name: /New user/ }));
    const drawer = await screen.findByRole("dialog");
    fireEvent.change(within(drawer).getByRole("textbox", { name: "Username" }), { target: { value: "bo" } });
    fireEvent.change(within(drawer).getByRole("textbox", { name: "Full name" }), {
      target: { value: "Bo Chen" },
    });
    fireEvent.change(within(drawer).getByRole("textbox", { name: "Email" }), {
      target: { value: "bo@example.com" },
    });
    fireEvent.change(within(drawer).getByLabelText("Initial password"), { target: { value: "s3cret-pass" } });
    await choose("Role", "Sales West");
    await choose("Permission sets", "Reports");
    // The form shows both choices before it is sent (a busy machine redraws late).
    await waitFor(() => expect(chosen("Role")).toContain("Sales West"));
    await waitFor(() => expect(chosen("Permission sets")).toContain("Reports"));
    fireEvent.click(within(drawer).getByRole("button", { name: "Create user" }));
    await waitFor(() => expect(records.assignments.some((a) => a.assignee === "u9")).toBe(true));
    expect(calls.find((c) => c.path === "/api/v1/users")?.body).toEqual({
      username: "bo",
      name: "Bo Chen",
      email: "bo@example.com",
      password: "s3cret-pass",
      profile: "standardUser",
      role: "west",
      active: true,
    });
  });

  it("shows the engine's password refusal on the password box", async () => {
    const { records } = setup();
    records.refuse = {
      status: 422,
      body: {
        title: "The password is not acceptable",
        errors: [
          { path: "/password", code: "user.weakPassword", message: "A password needs 8 to 200 characters." },
        ],
      },
    };
    fireEvent.click(await screen.findByRole("button", { name: /New user/ }));
    const drawer = await screen.findByRole("dialog");
    fireEvent.click(within(drawer).getByRole("button", { name: "Create user" }));
    expect(await within(drawer).findByText("A password needs 8 to 200 characters.")).toBeTruthy();
  });
});
