import type {
  CustomFieldTypeDefinition,
  FieldDefinition,
  Layout,
  Locale,
  ObjectDefinition,
} from "@tessera/metadata";
import { configure, render } from "@testing-library/react";
import { App as AntApp } from "antd";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import type { Bootstrap, ObjectUi, PluginWidgetInfo, RecordData } from "../../../runtime/src/api/types.js";
import { RecordFormPage } from "../../../runtime/src/form/record-form-page.js";
import { LocaleProvider } from "../../../runtime/src/i18n/locale-context.js";
import { type ModuleLoader, WidgetModuleLoader } from "../../../runtime/src/plugins/widget-modules.js";
import { RecordPage } from "../../../runtime/src/record/record-page.js";
import { SessionProvider, useSession } from "../../../runtime/src/session/session-context.js";
import { type Call, type Handler, mockFetch, type Reply } from "../support/mock-fetch.js";

// Pages render after several answered requests; a busy machine must not fail a finder.
configure({ asyncUtilTimeout: 8000 });

export { type Call, type Handler, mockFetch, type Reply };

/** A plain ES module as a package ships it, importable by the browser's (here: Node's) `import()`. */
export const moduleUrl = (source: string): string => `data:text/javascript,${encodeURIComponent(source)}`;

/**
 * The `ratings` package's star input, written as a package would (no JSX, the host's React): five
 * buttons in a form, the stars as text when read-only.
 */
export const STARS_MODULE = moduleUrl(`
export const widget = ({ React }) => function Stars(props) {
  const value = typeof props.value === "number" ? props.value : 0;
  if (props.readOnly) {
    return React.createElement("span", { "data-testid": "stars", "data-locale": props.locale },
      "★".repeat(value) + "☆".repeat(5 - value));
  }
  return React.createElement("div", { role: "group", "aria-label": props.label + " stars", id: props.id },
    [1, 2, 3, 4, 5].map((n) => React.createElement("button", {
      key: n, type: "button", "aria-pressed": n <= value, disabled: props.disabled,
      onClick: () => props.onChange(n),
    }, n + (n === 1 ? " star" : " stars"))));
};
`);

/** A panel showing what it is given, and calling the API through the panel's client when asked. */
export const SCORE_MODULE = moduleUrl(`
export const widget = ({ React }) => function Score({ record, object, locale, api }) {
  const [answer, setAnswer] = React.useState("");
  const call = (path) => api.get(path).then(
    (body) => setAnswer("score " + body.score),
    (error) => setAnswer("refused: " + error.message),
  );
  return React.createElement("div", null,
    React.createElement("p", null, object.name + " " + record.name + " in " + locale),
    React.createElement("button", { type: "button", onClick: () => call("/api/v1/records/deal/" + record.id + "/score") }, "Load score"),
    React.createElement("button", { type: "button", onClick: () => call("https://elsewhere.example/steal") }, "Call elsewhere"),
    React.createElement("button", { type: "button", onClick: () => call("/api/v1/../../admin") }, "Climb out"),
    React.createElement("output", null, answer));
};
`);

export const starRating: CustomFieldTypeDefinition = {
  name: "starRating",
  label: { en: "Star rating", "zh-CN": "星级" },
  base: "number",
  valueSchema: { type: "integer", minimum: 1, maximum: 5 },
  uiSchema: { "ui:widget": "ratings.stars" },
};

export const widget = (name: string, kind: "field" | "panel", url: string): PluginWidgetInfo => ({
  package: "ratings",
  name,
  kind,
  url,
});

export const fields = [
  { name: "name", type: "text", label: { en: "Deal name" }, required: true },
  { name: "rating", type: "custom", customType: "starRating", label: { en: "Rating", "zh-CN": "评级" } },
] as FieldDefinition[];

export const dealObject = {
  kind: "object",
  name: "deal",
  label: { en: "Deal", "zh-CN": "交易" },
  pluralLabel: { en: "Deals", "zh-CN": "交易" },
  recordName: "name",
  sharingModel: "private",
  fields,
} as ObjectDefinition;

export const layoutWith = (extra: Partial<Layout> = {}): Layout => ({
  kind: "layout",
  name: "dealLayout",
  object: "deal",
  label: { en: "Deal layout" },
  sections: [
    { id: "main", label: { en: "Deal" }, columns: 1, items: [{ field: "name" }, { field: "rating" }] },
  ],
  ...extra,
});

export const dealRecord = (extra: Record<string, unknown> = {}): RecordData => ({
  id: "d1",
  version: 3,
  ownerId: "u1",
  name: "Big deal",
  rating: 2,
  ...extra,
});

// Object UI answers are cached per metadata version: every render gets a version of its own.
let version = 900;

export interface PluginServer {
  widgets?: PluginWidgetInfo[];
  layout?: Layout;
  locale?: Locale;
  /** The record's answers, in order (the last one repeats). */
  records?: RecordData[];
  /** Answers first. */
  more?: Handler;
}

/** A tenant with the `ratings` package: its field type and widgets in the bootstrap, a `deal` object. */
export const pluginServer = (server: PluginServer = {}): Handler => {
  const bootstrap: Bootstrap = {
    tenant: "demo",
    version: ++version,
    user: {
      id: "u1",
      username: "ann",
      name: "Ann Lee",
      locale: server.locale ?? "en",
      manageMetadata: false,
    },
    apps: [],
    objects: [
      {
        name: "deal",
        label: dealObject.label,
        recordName: "name",
        icon: null,
        permissions: { create: true, edit: true, delete: true },
      },
    ],
    listViews: [],
    widgets: server.widgets ?? [
      widget("stars", "field", STARS_MODULE),
      widget("score", "panel", SCORE_MODULE),
    ],
    customFieldTypes: [starRating],
  };
  const ui: ObjectUi = {
    version: 1,
    object: dealObject,
    editableFields: ["name", "rating"],
    permissions: { create: true, edit: true, delete: true },
    layouts: [server.layout ?? layoutWith()],
    listViews: [],
    relatedLists: [],
    hasApprovalProcess: false,
  };
  const records = server.records ?? [dealRecord()];
  let reads = 0;
  return (call) => {
    const answer = server.more?.(call);
    if (answer !== undefined) return answer;
    if (call.method !== "GET") return undefined;
    switch (call.path) {
      case "/api/v1/ui/bootstrap":
        return { body: bootstrap };
      case "/api/v1/ui/objects/deal":
        return { body: ui };
      case "/api/v1/records/deal/d1": {
        const record = records[Math.min(reads, records.length - 1)];
        reads += 1;
        return { body: record };
      }
      case "/api/v1/records/deal/d1/approval":
        return { body: { status: "none", locked: false, canApprove: false, canRecall: false, history: [] } };
      case "/api/v1/records/deal/d1/history":
        return { body: { entries: [] } };
      case "/api/v1/records/user":
        return { body: { records: [{ id: "u1", version: 1, name: "Ann Lee" }], nextCursor: null } };
      default:
        return undefined;
    }
  };
};

const Location = () => {
  const location = useLocation();
  return <p data-testid="location">{location.pathname}</p>;
};

const SignedIn = ({ children }: { children: ReactNode }) =>
  useSession().bootstrap === undefined ? null : children;

/** The runtime at `path`, signed in: the record page and the create/edit forms; `load` replaces `import()`. */
export const renderAt = (path: string, load?: ModuleLoader) => {
  localStorage.setItem("tessera.token", "test-token");
  const routes = (
    <SessionProvider>
      <SignedIn>
        <Location />
        <Routes>
          <Route path="/o/:object/new" element={<RecordFormPage mode="create" />} />
          <Route path="/o/:object/:id/edit" element={<RecordFormPage mode="edit" />} />
          <Route path="/o/:object/:id" element={<RecordPage />} />
          <Route path="*" element={null} />
        </Routes>
      </SignedIn>
    </SessionProvider>
  );
  return render(
    <LocaleProvider initial="en">
      <MemoryRouter initialEntries={["/o/deal", path]} initialIndex={1}>
        <AntApp>
          {load === undefined ? routes : <WidgetModuleLoader load={load}>{routes}</WidgetModuleLoader>}
        </AntApp>
      </MemoryRouter>
    </LocaleProvider>,
  );
};

export const location = (): string | null | undefined =>
  document.querySelector("[data-testid=location]")?.textContent;
