import type { FieldDefinition } from "../../../metadata/src/fields/registry.js";
import type { AppDefinition } from "../../../metadata/src/kinds/app.js";
import type { ApprovalProcess } from "../../../metadata/src/kinds/approval-process.js";
import type { Automation } from "../../../metadata/src/kinds/automation.js";
import type { Dashboard } from "../../../metadata/src/kinds/dashboard.js";
import type { DuplicateRule } from "../../../metadata/src/kinds/duplicate-rule.js";
import type { Layout } from "../../../metadata/src/kinds/layout.js";
import type { ListView } from "../../../metadata/src/kinds/list-view.js";
import type { ObjectDefinition, SharingModel } from "../../../metadata/src/kinds/object.js";
import type { PackageManifest } from "../../../metadata/src/kinds/package.js";
import type { PermissionSet } from "../../../metadata/src/kinds/permission-set.js";
import type { Profile } from "../../../metadata/src/kinds/profile.js";
import type { Report } from "../../../metadata/src/kinds/report.js";
import type { Role } from "../../../metadata/src/kinds/role.js";
import type { SharingRule } from "../../../metadata/src/kinds/sharing-rule.js";
import type { Template } from "../../../metadata/src/kinds/template.js";

const en = (text: string) => ({ en: text });

// Field builders: the smallest valid definition of each type the kind checks care about.
export const text = (
  name: string,
  extra: { required?: boolean; default?: string } = {},
): FieldDefinition => ({
  name,
  type: "text",
  label: en(name),
  ...extra,
});
export const number = (name: string, extra: { required?: boolean } = {}): FieldDefinition => ({
  name,
  type: "number",
  label: en(name),
  ...extra,
});
export const email = (name: string): FieldDefinition => ({ name, type: "email", label: en(name) });
export const date = (name: string): FieldDefinition => ({ name, type: "date", label: en(name) });
export const datetime = (name: string): FieldDefinition => ({ name, type: "datetime", label: en(name) });
export const user = (name: string): FieldDefinition => ({ name, type: "user", label: en(name) });
export const lookup = (name: string, reference: string): FieldDefinition => ({
  name,
  type: "lookup",
  label: en(name),
  reference,
});
export const masterDetail = (name: string, reference: string): FieldDefinition => ({
  name,
  type: "masterDetail",
  label: en(name),
  reference,
});
export const autoNumber = (name: string): FieldDefinition => ({
  name,
  type: "autoNumber",
  label: en(name),
  format: "INV-{0000}",
});

/** `anObject("invoice").withField(number("amount")).build()`; the first field is the record name. */
export const anObject = (name: string, sharingModel: SharingModel = "private") => {
  const fields: FieldDefinition[] = [];
  const builder = {
    withField(field: FieldDefinition) {
      fields.push(field);
      return builder;
    },
    build(): ObjectDefinition {
      return {
        kind: "object",
        name,
        label: en(name),
        pluralLabel: en(`${name}s`),
        recordName: fields[0]?.name ?? "name",
        sharingModel,
        fields: fields.length > 0 ? [...fields] : [text("name")],
      };
    },
  };
  return builder;
};

export const aLayout = (overrides: Partial<Layout> = {}): Layout => ({
  kind: "layout",
  name: "invoiceLayout",
  object: "invoice",
  label: en("Invoice layout"),
  sections: [
    {
      id: "main",
      label: en("Main"),
      columns: 2,
      items: [
        { field: "number", column: 0 },
        { field: "amount", column: 1, requiredWhen: { "==": [{ var: "status" }, "sent"] } },
        { field: "status", visibleWhen: { "!!": { var: "amount" } } },
        { field: "ownerId", readOnlyWhen: true },
      ],
    },
  ],
  relatedLists: [{ object: "invoiceLine", field: "invoice", columns: ["quantity", "createdAt"] }],
  buttons: [
    { name: "edit", action: "edit" },
    { name: "send", label: en("Send"), action: "custom", handler: "billing/sendInvoice" },
  ],
  ...overrides,
});

export const aListView = (overrides: Partial<ListView> = {}): ListView => ({
  kind: "listView",
  name: "openInvoices",
  object: "invoice",
  label: en("Open invoices"),
  columns: ["number", "amount", "createdAt"],
  filter: { "==": [{ var: "status" }, "sent"] },
  sort: [{ field: "createdAt", direction: "desc" }],
  scope: "mine",
  pageSize: 50,
  ...overrides,
});

export const anApp = (overrides: Partial<AppDefinition> = {}): AppDefinition => ({
  kind: "app",
  name: "billing",
  label: en("Billing"),
  icon: "receipt",
  navigation: [
    { type: "page", page: "home" },
    { type: "object", object: "invoice" },
    { type: "listView", listView: "openInvoices" },
  ],
  profiles: ["standardUser"],
  ...overrides,
});

export const aRole = (name: string, parent?: string): Role => ({
  kind: "role",
  name,
  label: en(name),
  ...(parent === undefined ? {} : { parent }),
});

export const aPermissionSet = (overrides: Partial<PermissionSet> = {}): PermissionSet => ({
  kind: "permissionSet",
  name: "invoiceClerk",
  label: en("Invoice clerk"),
  objects: {
    invoice: { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true },
  },
  fields: { invoice: { amount: { read: true, edit: true } } },
  system: { apiEnabled: true, viewAllData: true, modifyAllData: true },
  ...overrides,
});

export const aProfile = (overrides: Partial<Profile> = {}): Profile => ({
  kind: "profile",
  name: "standardUser",
  label: en("Standard user"),
  sessionTimeoutMinutes: 120,
  loginHours: { timeZone: "Asia/Shanghai", monday: { start: "08:00", end: "18:00" } },
  objects: { invoice: { read: true } },
  fields: { invoice: { amount: { read: true } } },
  ...overrides,
});

export const aCriteriaSharingRule = (overrides: Partial<SharingRule> = {}): SharingRule =>
  ({
    kind: "sharingRule",
    name: "bigInvoices",
    object: "invoice",
    label: en("Big invoices"),
    type: "criteria",
    criteria: { ">": [{ var: "amount" }, 10000] },
    sharedWith: { type: "roleAndSubordinates", name: "vp" },
    access: "read",
    ...overrides,
  }) as SharingRule;

export const anOwnerSharingRule = (overrides: Partial<SharingRule> = {}): SharingRule =>
  ({
    kind: "sharingRule",
    name: "salesToVp",
    object: "invoice",
    label: en("Sales invoices to VP"),
    type: "owner",
    ownedBy: { type: "role", name: "sales" },
    sharedWith: { type: "group", name: "finance" },
    access: "edit",
    ...overrides,
  }) as SharingRule;

export const anApprovalProcess = (overrides: Partial<ApprovalProcess> = {}): ApprovalProcess => ({
  kind: "approvalProcess",
  name: "discountApproval",
  object: "invoice",
  label: en("Discount approval"),
  active: true,
  priority: 1,
  entryCriteria: { ">": [{ var: "amount" }, 1000] },
  allowRecall: true,
  steps: [
    {
      name: "manager",
      label: en("Manager"),
      approvers: [{ type: "submitterManager" }, { type: "field", field: "approver" }],
      decision: "firstResponse",
      onReject: "final",
    },
    {
      name: "finance",
      label: en("Finance"),
      entryCriteria: { ">": [{ var: "amount" }, 50000] },
      approvers: [
        { type: "role", role: "vp" },
        { type: "user", user: "alice@example.com" },
        { type: "group", group: "finance" },
      ],
      decision: "unanimous",
      onReject: "previousStep",
    },
  ],
  actions: {
    onSubmit: [{ type: "fieldUpdate", field: "status", value: "pending" }],
    onFinalApprove: [
      { type: "fieldUpdate", field: "approvedAmount", value: { expression: { var: "amount" } } },
      {
        type: "notify",
        template: "invoiceEmail",
        to: [{ type: "submitter" }, { type: "field", field: "contactEmail" }],
      },
      { type: "webhook", url: "https://erp.example.com/hooks/approved", template: "invoiceEmail" },
    ],
    onRecall: [{ type: "fieldUpdate", field: "status", value: "draft" }],
  },
  ...overrides,
});

export const anAutomation = (overrides: Partial<Automation> = {}): Automation => ({
  kind: "automation",
  name: "remindBeforeDue",
  object: "invoice",
  label: en("Remind before due date"),
  active: true,
  trigger: { type: "scheduled", field: "dueDate", offset: { amount: 3, unit: "days" }, direction: "before" },
  condition: { "!=": [{ var: "status" }, "paid"] },
  actions: [
    { type: "fieldUpdate", field: "status", value: "due" },
    {
      type: "createRecord",
      object: "invoiceLine",
      values: { invoice: { expression: { var: "id" } }, quantity: 1 },
    },
    {
      type: "assignOwner",
      strategy: "rules",
      rules: [{ when: { ">": [{ var: "amount" }, 100] }, owner: "bob" }],
    },
    { type: "notify", template: "invoiceEmail", to: [{ type: "owner" }, { type: "role", role: "ceo" }] },
    { type: "webhook", url: "https://hooks.example.com:8443/due" },
  ],
  ...overrides,
});

export const aTemplate = (overrides: Partial<Template> = {}): Template => ({
  kind: "template",
  name: "invoiceEmail",
  label: en("Invoice e-mail"),
  object: "invoice",
  purpose: "email",
  subject: { en: "Invoice {{number}}", "zh-CN": "发票 {{number}}" },
  body: { en: "<p>Amount: {{amount}}</p>" },
  ...overrides,
});

export const aPackage = (overrides: Partial<PackageManifest> = {}): PackageManifest => ({
  kind: "package",
  name: "sales-pack",
  version: "1.2.0-beta.1",
  label: en("Sales"),
  tessera: "^0.1.0",
  dependencies: { "core-crm": ">=1.0.0 <2.0.0" },
  metadata: ["metadata/", "./objects/lead.json"],
  sampleData: "sample-data",
  server: "dist/server.js",
  widgets: [{ name: "funnel", kind: "panel", entry: "dist/funnel.js" }],
  ...overrides,
});

export const aReport = (overrides: Partial<Report> = {}): Report => ({
  kind: "report",
  name: "invoicesByMonth",
  label: en("Invoices by month"),
  description: en("Amounts invoiced per month and approver"),
  object: "invoice",
  filter: { "!=": [{ var: "status" }, "draft"] },
  scope: "team",
  groupings: [{ field: "dueDate", dateBucket: "month" }, { field: "approver" }],
  measures: [
    { operation: "count" },
    { operation: "sum", field: "amount", label: en("Total") },
    { operation: "max", field: "sentAt" },
  ],
  sort: { by: "measure", measure: 1, direction: "desc" },
  limit: 12,
  ...overrides,
});

export const aDashboard = (overrides: Partial<Dashboard> = {}): Dashboard => ({
  kind: "dashboard",
  name: "billing",
  label: en("Billing"),
  description: en("Where the money is"),
  columns: 12,
  widgets: [
    {
      name: "total",
      title: en("Total invoiced"),
      report: "invoicesByMonth",
      chart: "kpi",
      measure: 1,
      x: 0,
      y: 0,
      w: 4,
      h: 2,
    },
    { name: "trend", report: "invoicesByMonth", chart: "line", measure: 1, x: 4, y: 0, w: 8, h: 4 },
    { name: "detail", report: "invoicesByMonth", chart: "table", x: 0, y: 4, w: 12, h: 6 },
  ],
  ...overrides,
});

export const aDuplicateRule = (overrides: Partial<DuplicateRule> = {}): DuplicateRule => ({
  kind: "duplicateRule",
  name: "sameContact",
  label: en("Same contact"),
  object: "invoice",
  active: true,
  action: "alert",
  conditions: [
    { field: "contactEmail", match: "exact" },
    { field: "status", normalizer: "text", match: "fuzzy", threshold: 0.85 },
    { field: "account", match: "exact" },
  ],
  ...overrides,
});
