import type { Locale } from "@tessera/metadata";
import { configure, render } from "@testing-library/react";
import { App as AntApp } from "antd";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import type { Bootstrap } from "../../../runtime/src/api/types.js";
import { DashboardPage } from "../../../runtime/src/dashboards/dashboard-page.js";
import { LocaleProvider } from "../../../runtime/src/i18n/locale-context.js";
import { ReportPage } from "../../../runtime/src/reports/report-page.js";
import { ReportsPage } from "../../../runtime/src/reports/reports-page.js";
import { SessionProvider, useSession } from "../../../runtime/src/session/session-context.js";
import { type Call, type Handler, mockFetch, type Reply } from "../support/mock-fetch.js";

export { type Call, type Handler, mockFetch, type Reply };

// Pages render after several answered requests; a busy machine must not fail a finder.
configure({ asyncUtilTimeout: 5000 });

const ALL = { create: true, edit: true, delete: true };

export const bootstrapIn = (locale: Locale = "en"): Bootstrap => ({
  tenant: "demo",
  version: 1,
  user: { id: "u1", username: "ann", name: "Ann Lee", locale, manageMetadata: false },
  apps: [],
  objects: [
    {
      name: "opportunity",
      label: { en: "Opportunity", "zh-CN": "商机" },
      pluralLabel: { en: "Opportunities", "zh-CN": "商机" },
      recordName: "name",
      icon: null,
      permissions: ALL,
    },
    {
      name: "lead",
      label: { en: "Lead", "zh-CN": "线索" },
      pluralLabel: { en: "Leads", "zh-CN": "线索" },
      recordName: "name",
      icon: null,
      permissions: ALL,
    },
  ],
  listViews: [],
});

/** Answers the bootstrap for `locale`, then whatever `handler` answers. */
export const serve =
  (handler: Handler, locale: Locale = "en"): Handler =>
  (call) =>
    call.path === "/api/v1/ui/bootstrap" ? { body: bootstrapIn(locale) } : handler(call);

/** Where the router went: pages outside the ones under test only show their location. */
const Elsewhere = () => {
  const location = useLocation();
  return <p data-testid="location">{`${location.pathname}${location.search}`}</p>;
};

const SignedIn = ({ children }: { children: ReactNode }) =>
  useSession().bootstrap === undefined ? null : children;

/** Renders the runtime at `path` (signed in) with the report and dashboard pages routed. */
export const renderAt = (path: string) => {
  localStorage.setItem("tessera.token", "test-token");
  return render(
    <LocaleProvider initial="en">
      <MemoryRouter initialEntries={[path]}>
        <AntApp>
          <SessionProvider>
            <SignedIn>
              <Routes>
                <Route path="/reports" element={<ReportsPage />} />
                <Route path="/reports/:name" element={<ReportPage />} />
                <Route path="/dashboards/:name" element={<DashboardPage />} />
                <Route path="*" element={<Elsewhere />} />
              </Routes>
            </SignedIn>
          </SessionProvider>
        </AntApp>
      </MemoryRouter>
    </LocaleProvider>,
  );
};
