import { Buffer, resolveObjectURL } from "node:buffer";
import type { Locale, ObjectDefinition } from "@tessera/metadata";
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
import { DuplicatesPage } from "../../../runtime/src/duplicates/duplicates-page.js";
import { LocaleProvider } from "../../../runtime/src/i18n/locale-context.js";
import type { ImportView } from "../../../runtime/src/imports/import-api.js";
import { ImportPage } from "../../../runtime/src/imports/import-page.js";
import { SessionProvider, useSession } from "../../../runtime/src/session/session-context.js";
import { currency, date, email, lookup, number, option, picklist, text } from "../../metadata/builders.js";

// Pages render after several answered requests; a busy machine must not fail a finder.
configure({ asyncUtilTimeout: 8000 });

/** One request the page sent, as the replaced `fetch` saw it. */
export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** A JSON body, parsed. */
  body: unknown;
  /** A multipart body, as sent. */
  form?: FormData;
}

export interface Reply {
  status?: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (a CSV file), with `headers`. */
  text?: string;
  headers?: Record<string, string>;
}

export type Handler = (call: Call) => Reply | undefined;

/** Replaces `fetch` (the only thing replaced): every call is recorded and answered by `handler`; none answers 404. */
export const serveApi = (handler: Handler): Call[] => {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, "http://runtime.test");
    const call: Call = {
      method: init.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
      ...(init.body instanceof FormData && { form: init.body }),
    };
    calls.push(call);
    const reply = handler(call) ?? { status: 404, body: { title: "Not found" } };
    const status = reply.status ?? 200;
    if (reply.text !== undefined) return new Response(reply.text, { status, headers: reply.headers ?? {} });
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { "content-type": "application/json" },
    });
  });
  return calls;
};

export const ALL: ObjectPermissions = { create: true, edit: true, delete: true };
export const READ_ONLY: ObjectPermissions = { create: false, edit: false, delete: false };

/** A made-up object: the wizard and the merge dialog know nothing of the standard CRM objects. */
export const deal: ObjectDefinition = {
  kind: "object",
  name: "deal",
  label: { en: "Deal", "zh-CN": "交易" },
  pluralLabel: { en: "Deals", "zh-CN": "交易" },
  recordName: "title",
  sharingModel: "private",
  fields: [
    text("title", { label: { en: "Deal Title", "zh-CN": "交易标题" }, required: true }),
    text("code", { label: { en: "Deal Code", "zh-CN": "交易编号" }, unique: true }),
    picklist("stage", {
      label: { en: "Stage", "zh-CN": "阶段" },
      options: [
        option("open", "Open", "进行中"),
        option("won", "Won", "赢单"),
        option("lost", "Lost", "输单"),
      ],
    }),
    currency("amount", { label: { en: "Amount", "zh-CN": "金额" } }),
    date("closeOn", { label: { en: "Close On", "zh-CN": "预计成交日期" } }),
    lookup("account", { label: { en: "Account", "zh-CN": "客户" }, reference: "account" }),
    email("contactEmail", { label: { en: "Contact Email" } }),
    number("margin", { label: { en: "Margin" } }),
  ],
};

/** What the deal's lookups point to: named by `name`, or by its unique key. */
export const account: ObjectDefinition = {
  kind: "object",
  name: "account",
  label: { en: "Account", "zh-CN": "客户" },
  pluralLabel: { en: "Accounts" },
  recordName: "name",
  sharingModel: "private",
  fields: [
    text("name", { label: { en: "Account Name" }, required: true }),
    text("accountKey", { label: { en: "Account Key" }, unique: true }),
    text("city", { label: { en: "City" } }),
  ],
};

const summaryOf = (object: ObjectDefinition, permissions: ObjectPermissions): ObjectSummary => ({
  name: object.name,
  label: object.label,
  ...(object.pluralLabel !== undefined && { pluralLabel: object.pluralLabel }),
  recordName: object.recordName,
  icon: null,
  permissions,
});

// Object UI answers are cached per metadata version: every render gets a version of its own.
let version = 9000;

export const bootstrapOf = (permissions: ObjectPermissions = ALL, locale: Locale = "en"): Bootstrap => ({
  tenant: "demo",
  version: ++version,
  user: { id: "u1", username: "ann", name: "Ann Lee", locale, manageMetadata: false },
  apps: [],
  objects: [summaryOf(deal, permissions), summaryOf(account, ALL)],
  listViews: [],
});

/** The deal as the user may see it: every field but the margin is theirs to edit. */
export const dealUi = (permissions: ObjectPermissions = ALL, extra: Partial<ObjectUi> = {}): ObjectUi => ({
  version: 1,
  object: deal,
  editableFields: deal.fields.map((f) => f.name).filter((name) => name !== "margin"),
  permissions,
  layouts: [],
  listViews: [],
  relatedLists: [],
  hasApprovalProcess: false,
  ...extra,
});

export const accountUi = (): ObjectUi => ({
  version: 1,
  object: account,
  editableFields: account.fields.map((f) => f.name),
  permissions: ALL,
  layouts: [],
  listViews: [],
  relatedLists: [],
  hasApprovalProcess: false,
});

export interface Session {
  permissions?: ObjectPermissions;
  locale?: Locale;
  ui?: Partial<ObjectUi>;
}

/** Answers the session and the deal's and account's UI metadata; `more` answers the rest first. */
export const sessionServer = (more: Handler, { permissions = ALL, locale = "en", ui = {} }: Session = {}) => {
  const boot = bootstrapOf(permissions, locale);
  return (call: Call): Reply | undefined => {
    const answer = more(call);
    if (answer !== undefined) return answer;
    if (call.path === "/api/v1/ui/bootstrap") return { body: boot };
    if (call.path === "/api/v1/ui/objects/deal") return { body: dealUi(permissions, ui) };
    if (call.path === "/api/v1/ui/objects/account") return { body: accountUi() };
    return undefined;
  };
};

/** An import of deals.csv just uploaded: four columns, three preview rows, the server's suggestion. */
export const uploaded = (extra: Partial<ImportView> = {}): ImportView => ({
  id: "imp1",
  object: "deal",
  fileName: "deals.csv",
  format: "csv",
  createdAt: "2026-03-03T10:00:00.000Z",
  createdBy: "u1",
  status: "uploaded",
  headers: ["Name", "Phase", "Value", "Company", "Notes"],
  totalRows: 1200,
  preview: [
    ["  Big deal ", "Won", "1,000", "ACME-1", "first"],
    ["Small deal", "gewonnen", "20", "NORD-7", ""],
    ["Odd deal", "Open", "5", "ACME-1", "x"],
  ],
  suggestedMapping: [
    { column: "Name", field: "title", transform: { trim: true } },
    { column: "Phase", field: "stage", transform: { trim: true } },
    { column: "Value", field: "amount", transform: { trim: true } },
    { column: "Company", field: "account", transform: { trim: true, lookupBy: "name" } },
    { column: "Notes", field: null },
  ],
  progress: { processed: 0, created: 0, updated: 0, failed: 0, skipped: 0, percent: 0, rowsPerSecond: 0 },
  ...extra,
});

/** Where the router is: pages outside the tested ones only show their location. */
const Location = () => {
  const location = useLocation();
  return <p data-testid="location">{`${location.pathname}${location.search}`}</p>;
};

const SignedIn = ({ children }: { children: ReactNode }) =>
  useSession().bootstrap === undefined ? null : children;

/** Renders the runtime at `path` (signed in), with the import and duplicates pages routed. */
export const renderAt = (path: string, locale: Locale = "en") => {
  localStorage.setItem("tessera.token", "test-token");
  return render(
    <LocaleProvider initial={locale}>
      <MemoryRouter initialEntries={[path]}>
        <AntApp>
          <SessionProvider>
            <SignedIn>
              <Routes>
                <Route path="/o/:object/import" element={<ImportPage />} />
                <Route path="/o/:object/duplicates" element={<DuplicatesPage />} />
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

export interface Download {
  name: string;
  content: Promise<string>;
}

/**
 * Files the page saves: a download is a click on a link to a blob URL with a file name. The click's
 * default (leaving the page) is prevented; the blob is read back from its URL.
 */
export const captureDownloads = () => {
  const files: Download[] = [];
  const onClick = (event: Event) => {
    const link = event.target;
    if (!(link instanceof HTMLAnchorElement) || link.download === "") return;
    event.preventDefault();
    const blob = resolveObjectURL(link.href);
    // The bytes as saved: Blob.text() would drop a byte order mark, which an export must keep.
    const content =
      blob === undefined
        ? Promise.resolve("")
        : blob.arrayBuffer().then((b) => Buffer.from(b).toString("utf8"));
    files.push({ name: link.download, content });
  };
  document.addEventListener("click", onClick);
  return { files, stop: () => document.removeEventListener("click", onClick) };
};
