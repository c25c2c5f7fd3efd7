import type { FieldDefinition, Layout, Locale, ObjectDefinition } from "@tessera/metadata";
import { configure, render } from "@testing-library/react";
import { App as AntApp } from "antd";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import type { Bootstrap, ObjectPermissions, ObjectUi } from "../../../runtime/src/api/types.js";
import { RecordFormPage } from "../../../runtime/src/form/record-form-page.js";
import { LocaleProvider } from "../../../runtime/src/i18n/locale-context.js";
import { SessionProvider, useSession } from "../../../runtime/src/session/session-context.js";
import { checkbox, currency, lookup, number, option, picklist, text } from "../../metadata/builders.js";

// Forms render after several answered requests; a busy machine must not fail a finder.
configure({ asyncUtilTimeout: 8000 });

import { type Call, type Handler, mockFetch, type Reply } from "../support/mock-fetch.js";

export { type Call, type Handler, mockFetch, type Reply };

const ALL: ObjectPermissions = { create: true, edit: true, delete: true };

/** A deal: what the form tests edit. */
export const dealFields: FieldDefinition[] = [
  text("name", { label: { en: "Deal name" }, required: true, maxLength: 80 }),
  lookup("account", { label: { en: "Account" }, reference: "account" }),
  currency("amount", { label: { en: "Amount" }, min: 0, max: 1_000_000, scale: 2 }),
  picklist("stage", {
    label: { en: "Stage" },
    options: [option("open", "Open", "进行中"), option("won", "Won", "赢单"), option("lost", "Lost", "输单")],
  }),
  checkbox("closedLost", { label: { en: "Closed lost" } }),
  text("lossReason", { label: { en: "Loss reason" } }),
  number("discount", { label: { en: "Discount" }, scale: 0 }),
  text("region", { label: { en: "Region" } }),
];

export const dealObject: ObjectDefinition = {
  kind: "object",
  name: "deal",
  label: { en: "Deal", "zh-CN": "交易" },
  pluralLabel: { en: "Deals" },
  recordName: "name",
  sharingModel: "private",
  fields: dealFields,
};

/** Two sections; the loss reason only shows (and is then required) for lost deals; big deals lock the discount. */
export const dealLayout: Layout = {
  kind: "layout",
  name: "dealLayout",
  object: "deal",
  label: { en: "Deal layout" },
  sections: [
    {
      id: "main",
      label: { en: "Deal" },
      columns: 2,
      items: [{ field: "name" }, { field: "account" }, { field: "amount" }, { field: "stage" }],
    },
    {
      id: "closing",
      label: { en: "Closing" },
      columns: 1,
      items: [
        { field: "closedLost" },
        { field: "lossReason", visibleWhen: { var: "closedLost" }, requiredWhen: { var: "closedLost" } },
        { field: "discount", readOnlyWhen: { ">": [{ var: "amount" }, 1000] } },
        { field: "region" },
      ],
    },
  ],
};

export const dealUi = (extra: Partial<ObjectUi> = {}): ObjectUi => ({
  version: 1,
  object: dealObject,
  editableFields: dealFields.map((f) => f.name),
  permissions: ALL,
  layouts: [dealLayout],
  listViews: [],
  relatedLists: [],
  hasApprovalProcess: false,
  ...extra,
});

// Object UI answers are cached per metadata version: every render gets a version of its own.
let version = 500;

export const bootstrap = (locale: Locale = "en"): Bootstrap => ({
  tenant: "demo",
  version: ++version,
  user: { id: "u1", username: "ann", name: "Ann Lee", locale, manageMetadata: false },
  apps: [],
  objects: [
    {
      name: "deal",
      label: { en: "Deal" },
      recordName: "name",
      icon: null,
      permissions: ALL,
    },
    {
      name: "account",
      label: { en: "Account" },
      recordName: "name",
      icon: null,
      permissions: ALL,
    },
  ],
  listViews: [],
});

export const accounts = [
  { id: "a1", version: 1, name: "Acme Retail Group" },
  { id: "a2", version: 1, name: "Acorn Logistics" },
  { id: "a3", version: 1, name: "Nordic Energy" },
];

/**
 * Answers the session (a user working in `locale`), the deal's UI metadata and account searches;
 * `more` answers the rest first.
 */
export const dealServer = (ui: ObjectUi, more: Handler = () => undefined, locale: Locale = "en"): Handler => {
  const session = bootstrap(locale);
  return (call) => {
    const answer = more(call);
    if (answer !== undefined) return answer;
    if (call.path === "/api/v1/ui/bootstrap") return { body: session };
    if (call.path === "/api/v1/ui/objects/deal") return { body: ui };
    if (call.method === "GET" && call.path === "/api/v1/records/account") {
      const q = (call.query.get("q") ?? "").toLowerCase();
      return {
        body: { records: accounts.filter((a) => a.name.toLowerCase().includes(q)), nextCursor: null },
      };
    }
    const one = /^\/api\/v1\/records\/account\/(\w+)$/.exec(call.path);
    const account = accounts.find((a) => a.id === one?.[1]);
    if (account !== undefined) return { body: account };
    return undefined;
  };
};

/** Where the router went: pages other than the form only show their location. */
const Elsewhere = () => {
  const location = useLocation();
  return <p data-testid="location">{`${location.pathname}${location.search}`}</p>;
};

const SignedIn = ({ children }: { children: ReactNode }) =>
  useSession().bootstrap === undefined ? null : children;

/** Renders the runtime at `path` (signed in) with the create and edit form routes. */
export const renderAt = (path: string) => {
  localStorage.setItem("tessera.token", "test-token");
  return render(
    <LocaleProvider initial="en">
      <MemoryRouter initialEntries={["/o/deal", path]} initialIndex={1}>
        <AntApp>
          <SessionProvider>
            <SignedIn>
              <Routes>
                <Route path="/o/:object/new" element={<RecordFormPage mode="create" />} />
                <Route path="/o/:object/:id/edit" element={<RecordFormPage mode="edit" />} />
                <Route path="*" element={<Elsewhere />} />
              </Routes>
            </SignedIn>
          </SessionProvider>
        </AntApp>
      </MemoryRouter>
    </LocaleProvider>,
  );
};
