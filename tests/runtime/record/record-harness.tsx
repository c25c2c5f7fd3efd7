import type { FieldDefinition, Layout, Locale, ObjectDefinition } from "@tessera/metadata";
import { configure, render } from "@testing-library/react";
import { App as AntApp } from "antd";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import type {
  Bootstrap,
  ObjectPermissions,
  ObjectSummary,
  ObjectUi,
} from "../../../runtime/src/api/types.js";
import { LocaleProvider } from "../../../runtime/src/i18n/locale-context.js";
import { InboxPage } from "../../../runtime/src/inbox/inbox-page.js";
import { RecordPage } from "../../../runtime/src/record/record-page.js";
import { SessionProvider, useSession } from "../../../runtime/src/session/session-context.js";

// Pages render after several answered requests; a busy machine must not fail a finder.
configure({ asyncUtilTimeout: 5000 });

import { type Call, type Handler, mockFetch, type Reply } from "../support/mock-fetch.js";

export { type Call, type Handler, mockFetch, type Reply };

export const ME = { id: "u1", username: "ann", name: "Ann Lee" };

const ALL: ObjectPermissions = { create: true, edit: true, delete: true };

export const summary = (
  name: string,
  label: string,
  plural: string,
  permissions: ObjectPermissions = ALL,
): ObjectSummary => ({
  name,
  label: { en: label },
  pluralLabel: { en: plural },
  recordName: "name",
  icon: null,
  permissions,
});

// Object UI answers are cached per metadata version: every page render gets a version of its own.
let version = 100;

export const bootstrapOf = (objects: ObjectSummary[], locale: Locale = "en"): Bootstrap => ({
  tenant: "demo",
  version: ++version,
  user: { ...ME, locale, manageMetadata: false },
  apps: [],
  objects,
  listViews: [],
});

export const text = (name: string, label: string): FieldDefinition =>
  ({ name, type: "text", label: { en: label } }) as FieldDefinition;

export const objectOf = (name: string, label: string, fields: FieldDefinition[]): ObjectDefinition =>
  ({
    kind: "object",
    name,
    label: { en: label },
    pluralLabel: { en: `${label}s` },
    recordName: "name",
    sharingModel: "private",
    fields,
  }) as ObjectDefinition;

export const uiOf = (object: ObjectDefinition, extra: Partial<ObjectUi> = {}): ObjectUi => ({
  version: 1,
  object,
  editableFields: object.fields.map((f) => f.name),
  permissions: ALL,
  layouts: [],
  listViews: [],
  relatedLists: [],
  hasApprovalProcess: false,
  ...extra,
});

export const layoutOf = (
  object: string,
  sections: Layout["sections"],
  extra: Partial<Layout> = {},
): Layout => ({
  kind: "layout",
  name: `${object}Layout`,
  object,
  label: { en: "Layout" },
  sections,
  ...extra,
});

export const noApproval = { status: "none", locked: false, canApprove: false, canRecall: false, history: [] };

/** Where the router went: pages outside the one under test only show their location. */
const Elsewhere = () => {
  const location = useLocation();
  return <p data-testid="location">{`${location.pathname}${location.search}`}</p>;
};

const SignedIn = ({ children }: { children: ReactNode }) =>
  useSession().bootstrap === undefined ? null : children;

/** Renders the runtime at `path` (signed in), with the record page and the inbox routed. */
export const renderAt = (path: string) => {
  localStorage.setItem("tessera.token", "test-token");
  return render(
    <LocaleProvider initial="en">
      <MemoryRouter initialEntries={[path]}>
        <AntApp>
          <SessionProvider>
            <SignedIn>
              <Routes>
                <Route path="/o/:object/new" element={<Elsewhere />} />
                <Route path="/o/:object/:id" element={<RecordPage />} />
                <Route path="/approvals" element={<InboxPage />} />
                <Route path="*" element={<Elsewhere />} />
              </Routes>
            </SignedIn>
          </SessionProvider>
        </AntApp>
      </MemoryRouter>
    </LocaleProvider>,
  );
};
