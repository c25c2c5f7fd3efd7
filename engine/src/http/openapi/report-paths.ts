import {
  CHART_TYPES,
  DASHBOARD_MAX_COLUMNS,
  DASHBOARD_MAX_WIDGET_HEIGHT,
  DATE_BUCKETS,
  type JsonSchema,
  REPORT_OPERATIONS,
} from "@tessera/metadata";
import { closed, json, jsonBody, pathParam, problem, ref } from "./openapi-parts.js";

const REPORT_VALUE: JsonSchema = { type: ["number", "string", "null"] };
const MEASURE_FORMATS = ["number", "currency", "percent", "date", "datetime", "integer"];

/** Schemas of the report and dashboard routes. */
export const REPORT_SCHEMAS: Record<string, JsonSchema> = {
  ReportSummary: {
    type: "object",
    required: ["name", "label", "object"],
    properties: {
      name: { type: "string" },
      label: { type: "string", description: "In the caller's language" },
      object: { type: "string" },
      description: { type: "string" },
    },
  },
  ReportResult: {
    type: "object",
    required: ["name", "label", "object", "groupings", "measures", "rows", "totals", "truncated"],
    properties: {
      name: { type: "string" },
      label: { type: "string" },
      object: { type: "string" },
      groupings: {
        type: "array",
        maxItems: 2,
        items: {
          type: "object",
          required: ["field", "label"],
          properties: {
            field: { type: "string" },
            label: { type: "string" },
            dateBucket: { enum: [...DATE_BUCKETS] },
          },
        },
      },
      measures: {
        type: "array",
        items: {
          type: "object",
          required: ["operation", "label", "format"],
          properties: {
            operation: { enum: [...REPORT_OPERATIONS] },
            field: { type: "string", description: "Absent for a count of records" },
            label: { type: "string" },
            format: { enum: MEASURE_FORMATS },
          },
        },
      },
      rows: {
        type: "array",
        description:
          "One per group, in the report's order (one row of the totals when it has no groupings). keys are the raw group values (a date bucket's key, e.g. 2026-11 or 2026-Q4; null for none), labels the same as the caller reads them, values one per measure.",
        items: {
          type: "object",
          required: ["keys", "labels", "values"],
          properties: {
            keys: { type: "array", items: {} },
            labels: { type: "array", items: { type: "string" } },
            values: { type: "array", items: REPORT_VALUE },
          },
        },
      },
      totals: {
        type: "array",
        description: "One per measure, over every matching record (not only the rows shown)",
        items: REPORT_VALUE,
      },
      truncated: { type: "boolean", description: "More groups than the report's limit" },
    },
  },
  DashboardSummary: {
    type: "object",
    required: ["name", "label"],
    properties: { name: { type: "string" }, label: { type: "string" }, description: { type: "string" } },
  },
  DashboardView: {
    type: "object",
    required: ["name", "label", "columns", "widgets", "personalLayout"],
    properties: {
      name: { type: "string" },
      label: { type: "string" },
      description: { type: "string" },
      columns: { type: "integer", minimum: 1, maximum: DASHBOARD_MAX_COLUMNS },
      widgets: {
        type: "array",
        items: {
          type: "object",
          required: ["name", "title", "report", "chart", "x", "y", "w", "h"],
          properties: {
            name: { type: "string" },
            title: { type: "string", description: "The widget's title, else its report's label" },
            report: { type: "string" },
            chart: { enum: [...CHART_TYPES] },
            measure: { type: "integer", minimum: 0, description: "Index of the measure it plots" },
            x: { type: "integer", minimum: 0 },
            y: { type: "integer", minimum: 0 },
            w: { type: "integer", minimum: 1 },
            h: { type: "integer", minimum: 1 },
          },
        },
      },
      personalLayout: {
        type: "boolean",
        description: "True when the positions are the caller's own saved layout",
      },
    },
  },
  DashboardLayout: closed(
    {
      widgets: {
        type: "array",
        description: "Every widget of the dashboard exactly once, inside the grid, none overlapping another",
        items: closed(
          {
            name: { type: "string" },
            x: { type: "integer", minimum: 0, maximum: DASHBOARD_MAX_COLUMNS - 1 },
            y: { type: "integer", minimum: 0 },
            w: { type: "integer", minimum: 1, maximum: DASHBOARD_MAX_COLUMNS },
            h: { type: "integer", minimum: 1, maximum: DASHBOARD_MAX_WIDGET_HEIGHT },
          },
          ["name", "x", "y", "w", "h"],
        ),
      },
    },
    ["widgets"],
  ),
};

const reportTags = ["reports"];
const dashboardTags = ["dashboards"];
const reportName = pathParam("name", "The report's name");
const dashboardName = pathParam("name", "The dashboard's name");
const dashboard = json(ref("DashboardView"), "The dashboard with the caller's layout");
const NO_DASHBOARD = problem("No such dashboard");

/** Reports (their results within the caller's access) and dashboards with personal layouts. */
export const REPORT_PATHS: Record<string, JsonSchema> = {
  "/api/v1/reports": {
    get: {
      operationId: "browseReports",
      tags: reportTags,
      responses: {
        "200": json(
          {
            type: "object",
            required: ["reports"],
            properties: { reports: { type: "array", items: ref("ReportSummary") } },
          },
          "The reports on objects the caller may read, by name",
        ),
      },
    },
  },
  "/api/v1/reports/{name}/results": {
    get: {
      operationId: "runReport",
      tags: reportTags,
      description:
        "Computes the report within the caller's access: the report's filter and scope, and the records the caller may see.",
      parameters: [reportName],
      responses: {
        "200": json(ref("ReportResult"), "The report's groups, figures and totals"),
        "403": problem("The report groups, measures or filters by a field the caller may not read"),
        "404": problem("No such report, or its object is not readable"),
        "409": problem("The report's filter no longer fits its object (code report.invalid)"),
      },
    },
  },
  "/api/v1/dashboards": {
    get: {
      operationId: "browseDashboards",
      tags: dashboardTags,
      responses: {
        "200": json(
          {
            type: "object",
            required: ["dashboards"],
            properties: { dashboards: { type: "array", items: ref("DashboardSummary") } },
          },
          "Every dashboard, by name",
        ),
      },
    },
  },
  "/api/v1/dashboards/{name}": {
    get: {
      operationId: "readDashboard",
      tags: dashboardTags,
      parameters: [dashboardName],
      responses: { "200": dashboard, "404": NO_DASHBOARD },
    },
  },
  "/api/v1/dashboards/{name}/layout": {
    put: {
      operationId: "saveDashboardLayout",
      tags: dashboardTags,
      description: "Saves the caller's own layout of the dashboard.",
      parameters: [dashboardName],
      requestBody: jsonBody(ref("DashboardLayout")),
      responses: {
        "200": dashboard,
        "404": NO_DASHBOARD,
        "422": problem("The layout does not fit the dashboard (codes layout.*, with pointers)"),
      },
    },
    delete: {
      operationId: "resetDashboardLayout",
      tags: dashboardTags,
      description: "Forgets the caller's layout: the dashboard's own applies again.",
      parameters: [dashboardName],
      responses: { "200": dashboard, "404": NO_DASHBOARD },
    },
  },
};
