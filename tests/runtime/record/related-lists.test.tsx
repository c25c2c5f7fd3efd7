import type { FieldDefinition } from "@tessera/metadata";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ObjectPermissions } from "../../../runtime/src/api/types.js";
import {
  bootstrapOf,
  type Call,
  layoutOf,
  mockFetch,
  noApproval,
  objectOf,
  renderAt,
  summary,
  text,
  uiOf,
} from "./record-harness.js";

// antd in happy-dom renders slowly when the machine is busy; these are not timing tests.
const SLOW = { timeout: 20_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const company = objectOf("company", "Company", [
  text("name", "Company Name"),
  text("city", "City"),
  {
    name: "parent",
    type: "lookup",
    reference: "company",
    label: { en: "Parent Company" },
  } as FieldDefinition,
]);
const project = objectOf("project", "Project", [
  text("name", "Project Name"),
  { name: "client", type: "lookup", reference: "company", label: { en: "Client" } } as FieldDefinition,
  { name: "summary", type: "textarea", label: { en: "Summary" } } as FieldDefinition,
  { name: "budget", type: "number", label: { en: "Budget" } } as FieldDefinition,
  text("code", "Code"),
  text("phase", "Phase"),
  text("lead", "Lead"),
]);

const serve = (options: { create?: boolean; layoutColumns?: string[]; selfLookup?: boolean } = {}) => {
  const permissions: ObjectPermissions = { create: options.create ?? true, edit: true, delete: true };
  const layout =
    options.layoutColumns === undefined
      ? undefined
      : layoutOf("company", [{ id: "s", label: { en: "S" }, columns: 1, items: [{ field: "name" }] }], {
          relatedLists: [
            {
              object: "project",
              field: "client",
              columns: options.layoutColumns,
              label: { en: "Engagements" },
            },
          ],
        });
  return (call: Call) => {
    switch (call.path) {
      case "/api/v1/ui/bootstrap":
        return {
          body: bootstrapOf([
            summary("company", "Company", "Companies"),
            summary("project", "Project", "Projects", permissions),
          ]),
        };
      case "/api/v1/ui/objects/company":
        return {
          body: uiOf(company, {
            layouts: layout === undefined ? [] : [layout],
            relatedLists: [
              { object: "project", field: "client", label: { en: "Projects" }, fieldLabel: { en: "Client" } },
              ...(options.selfLookup === true
                ? [
                    {
                      object: "company",
                      field: "parent",
                      label: { en: "Companies" },
                      fieldLabel: { en: "Parent Company" },
                    },
                  ]
                : []),
            ],
          }),
        };
      case "/api/v1/ui/objects/project":
        return { body: uiOf(project) };
      case "/api/v1/records/company/c1":
        return { body: { id: "c1", version: 1, name: "Acme", city: "Lyon" } };
      case "/api/v1/records/company":
        return {
          body: { records: [{ id: "c2", version: 1, name: "Acme Lyon" }], nextCursor: null, total: 1 },
        };
      case "/api/v1/records/company/c1/approval":
        return { body: noApproval };
      case "/api/v1/records/project":
        return {
          body: {
            records: [
              {
                id: "p1",
                version: 1,
                name: "Rollout",
                client: { id: "c1", name: "Acme" },
                budget: 1200,
                code: "R-1",
              },
            ],
            nextCursor: null,
            total: 14,
          },
        };
      default:
        return undefined;
    }
  };
};

const openRelated = async () => {
  renderAt("/o/company/c1");
  await userEvent.click(await screen.findByRole("tab", { name: "Related" }));
  return screen.findByRole("tabpanel", { name: "Related" });
};

const headers = (panel: HTMLElement) =>
  within(panel)
    .getAllByRole("columnheader")
    .map((h) => h.textContent);

describe("related lists", SLOW, () => {
  it("lists the children pointing here, filtered on the lookup, with a count", async () => {
    const calls = mockFetch(serve());
    const panel = await openRelated();
    expect(await within(panel).findByText("Projects (14)")).toBeTruthy();
    const query = calls.find((c) => c.path === "/api/v1/records/project")?.query;
    expect(JSON.parse(query?.get("filter") ?? "")).toEqual({ "==": [{ var: "client" }, "c1"] });
    expect(query?.get("limit")).toBe("10");
    expect(query?.get("count")).toBe("true");
    expect(within(panel).getByText("Showing 1 of 14")).toBeTruthy();
  });

  it("shows the name and three more short fields, never the lookup back to the parent", async () => {
    mockFetch(serve());
    const panel = await openRelated();
    await within(panel).findByText("Rollout");
    expect(headers(panel)).toEqual(["Project Name", "Budget", "Code", "Phase"]);
  });

  it("uses the layout's columns and title when the layout defines the list", async () => {
    mockFetch(serve({ layoutColumns: ["code", "name"] }));
    const panel = await openRelated();
    expect(await within(panel).findByText("Engagements (14)")).toBeTruthy();
    expect(headers(panel)).toEqual(["Code", "Project Name"]);
  });

  it("links each row to the child record", async () => {
    mockFetch(serve());
    const panel = await openRelated();
    const link = await within(panel).findByRole("link", { name: "Rollout" });
    expect(link.getAttribute("href")).toBe("/o/project/p1");
  });

  it("opens the child's form with the parent filled in from New", async () => {
    mockFetch(serve());
    const panel = await openRelated();
    await userEvent.click(await within(panel).findByRole("button", { name: "New Project" }));
    expect(screen.getByTestId("location").textContent).toBe("/o/project/new?client=c1");
  });

  it("has no New without the child's create permission", async () => {
    mockFetch(serve({ create: false }));
    const panel = await openRelated();
    await within(panel).findByText("Rollout");
    expect(within(panel).queryByRole("button", { name: /New/ })).toBeNull();
  });

  it("names the lookup when the list could be mistaken (a record's own object)", async () => {
    mockFetch(serve({ selfLookup: true }));
    const panel = await openRelated();
    expect(await within(panel).findByText("Companies · Parent Company (1)")).toBeTruthy();
    expect(within(panel).getByText("Projects (14)")).toBeTruthy();
  });
});
