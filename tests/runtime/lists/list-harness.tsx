import type { ListView, Locale, ObjectDefinition } from "@tessera/metadata";
import { render } from "@testing-library/react";
import { App as AntApp } from "antd";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { vi } from "vitest";
import type {
  Bootstrap,
  ObjectPermissions,
  ObjectSummary,
  ObjectUi,
  RecordData,
} from "../../../runtime/src/api/types.js";
import { LocaleProvider } from "../../../runtime/src/i18n/locale-context.js";
import { ListPage } from "../../../runtime/src/lists/list-page.js";
import { SearchPage } from "../../../runtime/src/search/search-page.js";
import { SessionProvider, useSession } from "../../../runtime/src/session/session-context.js";
import {
  checkbox,
  currency,
  date,
  datetime,
  lookup,
  multiPicklist,
  option,
  picklist,
  text,
  textarea,
} from "../../metadata/builders.js";

/** One request the page sent, as the mocked HTTP boundary saw it. */
export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
}

export interface Reply {
  status?: number;
  body?: unknown;
}

/** Replaces `fetch` (the only thing mocked): every call is recorded and answered by `handler`. */
export const mockFetch = (handler: (call: Call) => Reply | undefined): Call[] => {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, "http://runtime.test");
    const call: Call = {
      method: init.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: (init.headers ?? {}) as Record<string, string>,
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

/** A made-up object, so the list is shown to know nothing of the standard CRM objects. */
export const deal: ObjectDefinition = {
  kind: "object",
  name: "deal",
  label: { en: "Deal", "zh-CN": "交易" },
  pluralLabel: { en: "Deals", "zh-CN": "交易" },
  recordName: "title",
  sharingModel: "private",
  fields: [
    text("title", { label: { en: "Deal Title", "zh-CN": "交易标题" }, required: true }),
    textarea("notes", { label: { en: "Notes" } }),
    picklist("stage", {
      label: { en: "Stage", "zh-CN": "阶段" },
      options: [
        option("open", "Open", "进行中"),
        option("won", "Won", "赢单"),
        option("lost", "Lost", "输单"),
      ],
    }),
    currency("amount", { label: { en: "Amount", "zh-CN": "金额" } }),
    date("closeOn", { label: { en: "Close On" } }),
    datetime("signedAt", { label: { en: "Signed At" } }),
    checkbox("hot", { label: { en: "Hot" } }),
    lookup("company", { label: { en: "Company" }, reference: "company" }),
    multiPicklist("tags", { label: { en: "Tags" }, options: [option("vip", "VIP"), option("new", "New")] }),
  ],
};

export const ALL: ObjectPermissions = { create: true, edit: true, delete: true };
export const READ_ONLY: ObjectPermissions = { create: false, edit: false, delete: false };

export const summaryOf = (object: ObjectDefinition, permissions: ObjectPermissions = ALL): ObjectSummary => ({
  name: object.name,
  label: object.label,
  ...(object.pluralLabel !== undefined && { pluralLabel: object.pluralLabel }),
  recordName: object.recordName,
  icon: null,
  permissions,
});

export const company: ObjectSummary = {
  name: "company",
  label: { en: "Company" },
  pluralLabel: { en: "Companies" },
  recordName: "name",
  icon: null,
  permissions: ALL,
};

// Object UI answers are cached per metadata version: every render gets a version of its own.
let version = 1000;

export const bootstrapOf = (objects: ObjectSummary[], locale: Locale = "en"): Bootstrap => ({
  tenant: "demo",
  version: ++version,
  user: { id: "u1", username: "ann", name: "Ann Lee", locale, manageMetadata: false },
  apps: [],
  objects,
  listViews: [],
});

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

export const view = (name: string, extra: Partial<ListView> = {}): ListView => ({
  kind: "listView",
  name,
  object: "deal",
  label: { en: name },
  columns: ["title", "amount"],
  ...extra,
});

export const dealRecord = (n: number, extra: Record<string, unknown> = {}): RecordData => ({
  id: `d${n}`,
  version: 1,
  title: `Deal ${n}`,
  stage: "open",
  amount: n * 100,
  ...extra,
});

export interface DealServer {
  ui?: Partial<ObjectUi>;
  permissions?: ObjectPermissions;
  /** The records API's answer to a list request. */
  list?: (call: Call) => Reply;
  /** Any other request (deletes). */
  other?: (call: Call) => Reply | undefined;
  locale?: Locale;
}

/** The server of one deal list: bootstrap, the deal's UI metadata, and list answers. */
export const dealServer = ({ ui = {}, permissions = ALL, list, other, locale }: DealServer = {}) => {
  const boot = bootstrapOf([summaryOf(deal, permissions), company], locale);
  return (call: Call): Reply | undefined => {
    if (call.path === "/api/v1/ui/bootstrap") return { body: boot };
    if (call.path === "/api/v1/ui/objects/deal") return { body: uiOf(deal, { permissions, ...ui }) };
    if (call.method === "GET" && call.path === "/api/v1/records/deal")
      return (
        list?.(call) ?? { body: { records: [dealRecord(1), dealRecord(2)], nextCursor: null, total: 2 } }
      );
    return other?.(call);
  };
};

/** The list requests sent so far. */
export const listCalls = (calls: readonly Call[], object = "deal") =>
  calls.filter((c) => c.method === "GET" && c.path === `/api/v1/records/${object}`);

/** Where the router is: the URL query holds the list's state. */
const Location = () => {
  const location = useLocation();
  return <p data-testid="location">{`${location.pathname}${location.search}`}</p>;
};

const SignedIn = ({ children }: { children: ReactNode }) =>
  useSession().bootstrap === undefined ? null : children;

/** Renders the runtime at `path` (signed in) with the list and search pages routed. */
export const renderAt = (path: string, locale: Locale = "en") => {
  localStorage.setItem("tessera.token", "test-token");
  return render(
    <LocaleProvider initial={locale}>
      <MemoryRouter initialEntries={[path]}>
        <AntApp>
          <SessionProvider>
            <SignedIn>
              <Routes>
                <Route path="/o/:object" element={<ListPage />} />
                <Route path="/search" element={<SearchPage />} />
                <Route path="*" element={null} />
              </Routes>
              <Location />
            </SignedIn>
          </SessionProvider>
        </AntApp>
      </MemoryRouter>
    </LocaleProvider>,
  );
};

/** The URL query the list is at. */
export const urlQuery = (element: HTMLElement): URLSearchParams =>
  new URLSearchParams((element.textContent ?? "").split("?")[1] ?? "");
