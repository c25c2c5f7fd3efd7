import type { ReactElement } from "react";
import { DashboardPage } from "../dashboards/dashboard-page.js";
import { DuplicatesPage } from "../duplicates/duplicates-page.js";
import { RecordFormPage } from "../form/record-form-page.js";
import { ImportPage } from "../imports/import-page.js";
import { InboxPage } from "../inbox/inbox-page.js";
import { ListPage } from "../lists/list-page.js";
import { NotificationsPage } from "../notifications/notifications-page.js";
import { RecordPage } from "../record/record-page.js";
import { ReportPage } from "../reports/report-page.js";
import { ReportsPage } from "../reports/reports-page.js";
import { SearchPage } from "../search/search-page.js";

/** The pages inside the shell, by path. */
export const PAGE_ROUTES: ReadonlyArray<{ path: string; element: ReactElement }> = [
  { path: "/o/:object", element: <ListPage /> },
  { path: "/o/:object/new", element: <RecordFormPage mode="create" /> },
  { path: "/o/:object/import", element: <ImportPage /> },
  { path: "/o/:object/duplicates", element: <DuplicatesPage /> },
  { path: "/o/:object/:id", element: <RecordPage /> },
  { path: "/o/:object/:id/edit", element: <RecordFormPage mode="edit" /> },
  { path: "/search", element: <SearchPage /> },
  { path: "/approvals", element: <InboxPage /> },
  { path: "/notifications", element: <NotificationsPage /> },
  { path: "/reports", element: <ReportsPage /> },
  { path: "/reports/:name", element: <ReportPage /> },
  { path: "/dashboards/:name", element: <DashboardPage /> },
];
