// Reports and dashboards: figures computed in the store within the caller's access, and the
// dashboards that arrange them (with each user's own layout).
export { checkPersonalLayout } from "./dashboard-layout.js";
export type { DashboardSummary, DashboardView } from "./dashboard-view.js";
export {
  getDashboard,
  LAYOUT_COLLECTION,
  listDashboards,
  resetDashboardLayout,
  saveDashboardLayout,
} from "./dashboard-view.js";
export type { ReportSummary } from "./list-reports.js";
export { listReports } from "./list-reports.js";
export type { MeasureFormat } from "./report-measures.js";
export type { ReportResult } from "./run-report.js";
export { MAX_REPORT_ROWS, runReport } from "./run-report.js";
