// The public face of the metadata kinds (besides `object`, exported from the package index).
export type {
  ApprovalAction,
  FieldUpdateAction,
  NotifyAction,
  Recipient,
  WebhookAction,
} from "./actions.js";
export {
  ApprovalActionSchema,
  FieldUpdateActionSchema,
  NotifyActionSchema,
  RecipientSchema,
  WebhookActionSchema,
} from "./actions.js";
export type { AppDefinition, AppPage, NavigationItem } from "./app.js";
export { APP_PAGES, AppDefinitionSchema, checkApp } from "./app.js";
export type {
  ApprovalActions,
  ApprovalEvent,
  ApprovalProcess,
  ApprovalStep,
  Approver,
} from "./approval-process.js";
export {
  APPROVAL_EVENTS,
  ApprovalProcessSchema,
  checkApprovalProcess,
  expressionsOfApprovalProcess,
} from "./approval-process.js";
export type {
  AssignOwnerAction,
  Automation,
  AutomationAction,
  CreateRecordAction,
  Duration,
  PluginAction,
  Trigger,
} from "./automation.js";
export { AutomationSchema, checkAutomation, expressionsOfAutomation } from "./automation.js";
export type { ExpressionMode, ExpressionSite } from "./common.js";
export { expressionOfValue, FORBIDDEN_KEYS } from "./common.js";
export type { ChartType, Dashboard, DashboardWidget } from "./dashboard.js";
export {
  CHART_TYPES,
  checkDashboard,
  DASHBOARD_MAX_COLUMNS,
  DASHBOARD_MAX_ROWS,
  DASHBOARD_MAX_WIDGET_HEIGHT,
  DASHBOARD_MAX_WIDGETS,
  DashboardSchema,
  DashboardWidgetSchema,
} from "./dashboard.js";
export type { DuplicateAction, DuplicateCondition, DuplicateRule, MatchKind } from "./duplicate-rule.js";
export {
  checkDuplicateRule,
  DEFAULT_FUZZY_THRESHOLD,
  DUPLICATE_ACTIONS,
  DuplicateConditionSchema,
  DuplicateRuleSchema,
  MATCH_KINDS,
} from "./duplicate-rule.js";
export type {
  Layout,
  LayoutButton,
  LayoutItem,
  LayoutSection,
  PluginButton,
  RelatedList,
} from "./layout.js";
export {
  checkLayout,
  expressionsOfLayout,
  LayoutSchema,
  parseWidgetReference,
  WIDGET_REFERENCE_PATTERN,
} from "./layout.js";
export type { ListView, ListViewScope } from "./list-view.js";
export { checkListView, expressionsOfListView, LIST_VIEW_SCOPES, ListViewSchema } from "./list-view.js";
export type { PackageManifest, Widget } from "./package.js";
export { checkPackage, isSafePackagePath, PACKAGE_NAME_PATTERN, PackageManifestSchema } from "./package.js";
export type {
  FieldPermissions,
  ObjectPermissions,
  PermissionGrants,
  PermissionSet,
  SystemPermissions,
} from "./permission-set.js";
export { checkPermissionSet, PermissionSetSchema } from "./permission-set.js";
export type { LoginHours, Profile, Weekday } from "./profile.js";
export { checkProfile, ProfileSchema, WEEKDAYS } from "./profile.js";
export type { MetadataKindDescriptor } from "./registry.js";
export { isMetadataKind, METADATA_KINDS, metadataKinds } from "./registry.js";
export type { Report, ReportGrouping, ReportMeasure, ReportOperation, ReportSort } from "./report.js";
export {
  checkReport,
  expressionsOfReport,
  REPORT_MAX_GROUPINGS,
  REPORT_MAX_LIMIT,
  REPORT_MAX_MEASURES,
  REPORT_OPERATIONS,
  ReportGroupingSchema,
  ReportMeasureSchema,
  ReportSchema,
  ReportSortSchema,
} from "./report.js";
export type { Role } from "./role.js";
export { checkRole, RoleSchema } from "./role.js";
export type { SharingAudience, SharingRule } from "./sharing-rule.js";
export { checkSharingRule, expressionsOfSharingRule, SharingRuleSchema } from "./sharing-rule.js";
export type { Template, TemplatePurpose, TemplateSource } from "./template.js";
export { checkTemplate, TEMPLATE_PURPOSES, TemplateSchema } from "./template.js";
