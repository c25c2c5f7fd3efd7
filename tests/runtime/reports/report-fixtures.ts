import type { ReportResult } from "../../../runtime/src/reports/report-api.js";

/** Open pipeline by stage: sum of amount (currency) and count, one grouping. */
export const pipelineByStage = (): ReportResult => ({
  name: "pipelineByStage",
  label: "Pipeline by stage",
  object: "opportunity",
  groupings: [{ field: "stage", label: "Stage" }],
  measures: [
    { operation: "sum", field: "amount", label: "Amount", format: "currency" },
    { operation: "count", label: "Opportunities", format: "integer" },
  ],
  rows: [
    { keys: ["prospecting"], labels: ["Prospecting"], values: [120000, 4] },
    { keys: ["proposal"], labels: ["Proposal"], values: [80000, 2] },
    { keys: ["negotiation"], labels: ["Negotiation"], values: [50000.5, 1] },
  ],
  totals: [250000.5, 7],
  truncated: false,
});

/** Won amount by close month and owner: two groupings, a date bucket first. */
export const wonByMonthAndOwner = (): ReportResult => ({
  name: "wonByMonthAndOwner",
  label: "Won by month",
  object: "opportunity",
  groupings: [
    { field: "closeDate", label: "Close date", dateBucket: "month" },
    { field: "ownerId", label: "Owner" },
  ],
  measures: [{ operation: "sum", field: "amount", label: "Amount", format: "currency" }],
  rows: [
    { keys: ["2026-10", "u1"], labels: ["Oct 2026", "Ann Lee"], values: [1000] },
    { keys: ["2026-10", "u2"], labels: ["Oct 2026", "Bo Chen"], values: [2000] },
    { keys: ["2026-11", "u2"], labels: ["Nov 2026", "Bo Chen"], values: [500] },
  ],
  totals: [3500],
  truncated: false,
});

/** Leads by source, count only; a group without a source. */
export const leadsBySource = (): ReportResult => ({
  name: "leadsBySource",
  label: "Leads by source",
  object: "lead",
  groupings: [{ field: "source", label: "Source" }],
  measures: [{ operation: "count", label: "Leads", format: "integer" }],
  rows: [
    { keys: [null], labels: ["(empty)"], values: [3] },
    { keys: ["web"], labels: ["Web"], values: [10] },
    { keys: ["referral"], labels: ["Referral"], values: [5] },
  ],
  totals: [18],
  truncated: true,
});

/** Open pipeline total: no grouping, the totals are the figure. */
export const openPipelineTotal = (): ReportResult => ({
  name: "openPipelineTotal",
  label: "Open pipeline",
  object: "opportunity",
  groupings: [],
  measures: [
    { operation: "sum", field: "amount", label: "Open amount", format: "currency" },
    { operation: "avg", field: "probability", label: "Average probability", format: "percent" },
  ],
  rows: [],
  totals: [1234567.891, 42.5],
  truncated: false,
});
