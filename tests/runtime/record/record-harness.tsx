import type { FieldDefinition, Layout, Locale, ObjectDefinition } from "@tessera/metadata";
import { configure, render } from "@testing-library/react";
import { App as AntApp } from "antd";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { vi } from "vitest";
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

/** One request the page sent, as the mocked HTTP boundary saw it. */
export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
}

/** Answers a request; undefined means 404. */
export type Handler = (call: Call) => Reply | undefined;

/** Replaces `fetch` (the only thing mocked): every call is recorded and answered by `handler`. */
export const mockFetch = (handler: Handler): Call[] => {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, "http://runtime.test");
    const call: Call = {
      method: init.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const reply = handler(call) ?? { status: 404, body: { title: "Not found" } };
    const status = reply.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { "content-type": "application/json" },
    });
  });
  return calls;
};

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
