import type { TSchema } from "@sinclair/typebox";
import type { LocalizedText } from "../i18n/localized-text.js";
import type { SemanticCheck } from "../validate/check-context.js";
import { AppDefinitionSchema, checkApp } from "./app.js";
import {
  ApprovalProcessSchema,
  checkApprovalProcess,
  expressionsOfApprovalProcess,
} from "./approval-process.js";
import { AutomationSchema, checkAutomation, expressionsOfAutomation } from "./automation.js";
import type { ExpressionSite } from "./common.js";
import { checkDashboard, DashboardSchema } from "./dashboard.js";
import { checkDuplicateRule, DuplicateRuleSchema } from "./duplicate-rule.js";
import { checkLayout, expressionsOfLayout, LayoutSchema } from "./layout.js";
import { checkListView, expressionsOfListView, ListViewSchema } from "./list-view.js";
import type { MetadataKind, MetadataKindMap } from "./metadata-document.js";
import { ObjectDefinitionSchema } from "./object.js";
import { checkPackage, PackageManifestSchema } from "./package.js";
import { checkPermissionSet, PermissionSetSchema } from "./permission-set.js";
import { checkProfile, ProfileSchema } from "./profile.js";
import { checkReport, expressionsOfReport, ReportSchema } from "./report.js";
import { checkRole, RoleSchema } from "./role.js";
import { checkSharingRule, expressionsOfSharingRule, SharingRuleSchema } from "./sharing-rule.js";
import { checkTemplate, TemplateSchema } from "./template.js";

/** Everything generic code needs to know about one metadata kind. */
export interface MetadataKindDescriptor<K extends MetadataKind> {
  readonly kind: K;
  readonly schema: TSchema;
  /** Semantic checks run after the schema accepted the document. */
  readonly check?: SemanticCheck<MetadataKindMap[K]>;
  /** The JsonLogic expressions of a document, for the rule checker; none when absent. */
  readonly expressions?: (doc: MetadataKindMap[K]) => ExpressionSite[];
  /** Name of the kind in the designer and in messages. */
  readonly label: LocalizedText;
}

export const metadataKinds: { readonly [K in MetadataKind]: MetadataKindDescriptor<K> } = {
  // The object checks and expressions live in validate/ (the lead's); plugged in there.
  object: { kind: "object", schema: ObjectDefinitionSchema, label: { en: "Object", "zh-CN": "对象" } },
  layout: {
    kind: "layout",
    schema: LayoutSchema,
    check: checkLayout,
    expressions: expressionsOfLayout,
    label: { en: "Page layout", "zh-CN": "页面布局" },
  },
  listView: {
    kind: "listView",
    schema: ListViewSchema,
    check: checkListView,
    expressions: expressionsOfListView,
    label: { en: "List view", "zh-CN": "列表视图" },
  },
  app: { kind: "app", schema: AppDefinitionSchema, check: checkApp, label: { en: "App", "zh-CN": "应用" } },
  role: { kind: "role", schema: RoleSchema, check: checkRole, label: { en: "Role", "zh-CN": "角色" } },
  permissionSet: {
    kind: "permissionSet",
    schema: PermissionSetSchema,
    check: checkPermissionSet,
    label: { en: "Permission set", "zh-CN": "权限集" },
  },
  profile: {
    kind: "profile",
    schema: ProfileSchema,
    check: checkProfile,
    label: { en: "Profile", "zh-CN": "简档" },
  },
  sharingRule: {
    kind: "sharingRule",
    schema: SharingRuleSchema,
    check: checkSharingRule,
    expressions: expressionsOfSharingRule,
    label: { en: "Sharing rule", "zh-CN": "共享规则" },
  },
  approvalProcess: {
    kind: "approvalProcess",
    schema: ApprovalProcessSchema,
    check: checkApprovalProcess,
    expressions: expressionsOfApprovalProcess,
    label: { en: "Approval process", "zh-CN": "审批流程" },
  },
  automation: {
    kind: "automation",
    schema: AutomationSchema,
    check: checkAutomation,
    expressions: expressionsOfAutomation,
    label: { en: "Automation rule", "zh-CN": "自动化规则" },
  },
  template: {
    kind: "template",
    schema: TemplateSchema,
    check: checkTemplate,
    label: { en: "Template", "zh-CN": "模板" },
  },
  package: {
    kind: "package",
    schema: PackageManifestSchema,
    check: checkPackage,
    label: { en: "Package", "zh-CN": "程序包" },
  },
  report: {
    kind: "report",
    schema: ReportSchema,
    check: checkReport,
    expressions: expressionsOfReport,
    label: { en: "Report", "zh-CN": "报表" },
  },
  dashboard: {
    kind: "dashboard",
    schema: DashboardSchema,
    check: checkDashboard,
    label: { en: "Dashboard", "zh-CN": "仪表板" },
  },
  duplicateRule: {
    kind: "duplicateRule",
    schema: DuplicateRuleSchema,
    check: checkDuplicateRule,
    label: { en: "Duplicate rule", "zh-CN": "重复规则" },
  },
};

/** Every kind, in the order of `metadataKinds`. */
export const METADATA_KINDS: readonly MetadataKind[] = Object.freeze(
  Object.keys(metadataKinds) as MetadataKind[],
);

export const isMetadataKind = (value: unknown): value is MetadataKind =>
  typeof value === "string" && Object.hasOwn(metadataKinds, value);
