import type { Static, TSchema } from "@sinclair/typebox";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type AppDefinition, AppDefinitionSchema } from "../../../metadata/src/kinds/app.js";
import { type ApprovalProcess, ApprovalProcessSchema } from "../../../metadata/src/kinds/approval-process.js";
import { type Automation, AutomationSchema } from "../../../metadata/src/kinds/automation.js";
import { type Dashboard, DashboardSchema } from "../../../metadata/src/kinds/dashboard.js";
import { type DuplicateRule, DuplicateRuleSchema } from "../../../metadata/src/kinds/duplicate-rule.js";
import { type Layout, LayoutSchema } from "../../../metadata/src/kinds/layout.js";
import { type ListView, ListViewSchema } from "../../../metadata/src/kinds/list-view.js";
import type { MetadataKind, MetadataKindMap } from "../../../metadata/src/kinds/metadata-document.js";
import { type ObjectDefinition, ObjectDefinitionSchema } from "../../../metadata/src/kinds/object.js";
import { type PackageManifest, PackageManifestSchema } from "../../../metadata/src/kinds/package.js";
import { type PermissionSet, PermissionSetSchema } from "../../../metadata/src/kinds/permission-set.js";
import { type Profile, ProfileSchema } from "../../../metadata/src/kinds/profile.js";
import { METADATA_KINDS, metadataKinds } from "../../../metadata/src/kinds/registry.js";
import { type Report, ReportSchema } from "../../../metadata/src/kinds/report.js";
import { type Role, RoleSchema } from "../../../metadata/src/kinds/role.js";
import { type SharingRule, SharingRuleSchema } from "../../../metadata/src/kinds/sharing-rule.js";
import { type Template, TemplateSchema } from "../../../metadata/src/kinds/template.js";
import { createAjv } from "../../../metadata/src/validate/create-ajv.js";
import {
  aCriteriaSharingRule,
  aDashboard,
  aDuplicateRule,
  aLayout,
  aListView,
  anApp,
  anApprovalProcess,
  anAutomation,
  anOwnerSharingRule,
  aPackage,
  aPermissionSet,
  aProfile,
  aReport,
  aRole,
  aTemplate,
} from "./builders.js";
import { invoice } from "./context.js";

/** A sample of every kind, typed as the kind's TypeScript type: a new kind must be added here. */
const samples: { readonly [K in MetadataKind]: ReadonlyArray<MetadataKindMap[K]> } = {
  object: [invoice],
  layout: [aLayout()],
  listView: [aListView()],
  app: [anApp()],
  role: [aRole("ceo"), aRole("vp", "ceo")],
  permissionSet: [aPermissionSet()],
  profile: [aProfile()],
  sharingRule: [aCriteriaSharingRule(), anOwnerSharingRule()],
  approvalProcess: [anApprovalProcess()],
  automation: [anAutomation()],
  template: [aTemplate()],
  package: [aPackage()],
  report: [aReport(), aReport({ name: "invoiceTotals", groupings: [], sort: undefined, limit: undefined })],
  dashboard: [aDashboard()],
  duplicateRule: [aDuplicateRule()],
};

/** The schemas each kind's module exports, by kind. */
const exportedSchemas: { readonly [K in MetadataKind]: TSchema } = {
  object: ObjectDefinitionSchema,
  layout: LayoutSchema,
  listView: ListViewSchema,
  app: AppDefinitionSchema,
  role: RoleSchema,
  permissionSet: PermissionSetSchema,
  profile: ProfileSchema,
  sharingRule: SharingRuleSchema,
  approvalProcess: ApprovalProcessSchema,
  automation: AutomationSchema,
  template: TemplateSchema,
  package: PackageManifestSchema,
  report: ReportSchema,
  dashboard: DashboardSchema,
  duplicateRule: DuplicateRuleSchema,
};

const ajv = createAjv();

describe("kind types match kind schemas", () => {
  it.each(METADATA_KINDS.map((kind) => [kind]))("a typed %s sample validates against its schema", (kind) => {
    const validate = ajv.compile(exportedSchemas[kind]);
    for (const sample of samples[kind]) {
      expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("registers each kind with the schema its module exports", () => {
    for (const kind of METADATA_KINDS) expect(metadataKinds[kind].schema).toBe(exportedSchemas[kind]);
  });

  it("derives each kind's type from its schema (Static<typeof Schema>)", () => {
    expectTypeOf<Static<typeof ObjectDefinitionSchema>>().toEqualTypeOf<ObjectDefinition>();
    expectTypeOf<Static<typeof LayoutSchema>>().toEqualTypeOf<Layout>();
    expectTypeOf<Static<typeof ListViewSchema>>().toEqualTypeOf<ListView>();
    expectTypeOf<Static<typeof AppDefinitionSchema>>().toEqualTypeOf<AppDefinition>();
    expectTypeOf<Static<typeof RoleSchema>>().toEqualTypeOf<Role>();
    expectTypeOf<Static<typeof PermissionSetSchema>>().toEqualTypeOf<PermissionSet>();
    expectTypeOf<Static<typeof ProfileSchema>>().toEqualTypeOf<Profile>();
    expectTypeOf<Static<typeof SharingRuleSchema>>().toEqualTypeOf<SharingRule>();
    expectTypeOf<Static<typeof ApprovalProcessSchema>>().toEqualTypeOf<ApprovalProcess>();
    expectTypeOf<Static<typeof AutomationSchema>>().toEqualTypeOf<Automation>();
    expectTypeOf<Static<typeof TemplateSchema>>().toEqualTypeOf<Template>();
    expectTypeOf<Static<typeof PackageManifestSchema>>().toEqualTypeOf<PackageManifest>();
    expectTypeOf<Static<typeof ReportSchema>>().toEqualTypeOf<Report>();
    expectTypeOf<Static<typeof DashboardSchema>>().toEqualTypeOf<Dashboard>();
    expectTypeOf<Static<typeof DuplicateRuleSchema>>().toEqualTypeOf<DuplicateRule>();
  });
});
