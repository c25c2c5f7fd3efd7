import { type JsonObject, validateDocumentSet } from "@tessera/metadata";
import { LocaleProvider, SessionProvider } from "@tessera/runtime";
import { render } from "@testing-library/react";
import { App as AntApp } from "antd";
import { MemoryRouter } from "react-router-dom";
import { DesignerScreens } from "../../../designer/src/app.js";
import { type Call, type Handler, mockFetch } from "../../runtime/support/mock-fetch.js";

/** The session of an admin who may manage metadata. */
export const adminBootstrap = (locale: "en" | "zh-CN" = "en") => ({
  tenant: "demo",
  version: 3,
  user: { id: "u1", username: "admin", name: "Ada Admin", locale, manageMetadata: true, administrator: true },
  apps: [],
  objects: [],
  listViews: [],
});

/**
 * The engine's draft, held in memory behind the mocked HTTP boundary: it answers the draft
 * documents, and validates a PUT the way the engine does (the metadata language's own checks, with
 * problems that only name a missing document deferred), answering 422 with pointers when invalid.
 */
export class FakeDraft {
  readonly documents = new Map<string, JsonObject>();

  constructor(documents: readonly JsonObject[] = []) {
    for (const d of documents) this.documents.set(`${String(d.kind)}/${String(d.name)}`, d);
  }

  get(kind: string, name: string): JsonObject | undefined {
    return this.documents.get(`${kind}/${name}`);
  }

  handle(call: Call) {
    if (call.method === "GET" && call.path === "/api/v1/metadata/draft/documents") {
      return {
        body: {
          documents: [...this.documents.values()].map((document) => ({
            kind: document.kind,
            name: document.name,
            document,
            updatedAt: "2026-11-01T10:00:00.000Z",
            updatedBy: "u1",
          })),
        },
      };
    }
    const match = /^\/api\/v1\/metadata\/draft\/(\w+)\/(\w+)$/.exec(call.path);
    if (match === null) return undefined;
    const id = `${match[1]}/${match[2]}`;
    if (call.method === "DELETE") {
      return this.documents.delete(id) ? { status: 204 } : { status: 404, body: { title: "No draft" } };
    }
    if (call.method !== "PUT") return undefined;
    const body = call.body as JsonObject;
    const others = [...this.documents.entries()].filter(([key]) => key !== id).map(([, d]) => d);
    const { issues } = validateDocumentSet([...others, body]);
    const own = issues.filter((i) => i.document === id && !/\.unknown/.test(i.code));
    if (own.length > 0) {
      return {
        status: 422,
        body: {
          title: `The ${match[1]} "${match[2]}" is not valid`,
          errors: own.map(({ path, code, message }) => ({ path, code, message })),
        },
      };
    }
    this.documents.set(id, body);
    return { body: { document: body, warnings: [] } };
  }
}

/**
 * Renders the whole designer at `path` (under /designer) for a signed-in admin, with fetch answered
 * by `draft` and then `more`. Returns the recorded calls.
 */
export const renderDesigner = (
  path: string,
  draft: FakeDraft,
  more: Handler = () => undefined,
  locale: "en" | "zh-CN" = "en",
) => {
  localStorage.setItem("tessera.token", "test-token");
  const calls = mockFetch((call) => {
    if (call.path === "/api/v1/ui/bootstrap") return { body: adminBootstrap(locale) };
    return more(call) ?? draft.handle(call);
  });
  const view = render(
    <LocaleProvider initial={locale}>
      <MemoryRouter initialEntries={[path]}>
        <AntApp>
          <DesignerScreensSignedIn />
        </AntApp>
      </MemoryRouter>
    </LocaleProvider>,
  );
  return { ...view, calls };
};

const DesignerScreensSignedIn = () => (
  <SessionProvider>
    <DesignerScreens />
  </SessionProvider>
);
