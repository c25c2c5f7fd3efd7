import type { AppDefinition } from "./app.js";
import type { ApprovalProcess } from "./approval-process.js";
import type { Automation } from "./automation.js";
import type { Dashboard } from "./dashboard.js";
import type { DuplicateRule } from "./duplicate-rule.js";
import type { Layout } from "./layout.js";
import type { ListView } from "./list-view.js";
import type { ObjectDefinition } from "./object.js";
import type { PackageManifest } from "./package.js";
import type { PermissionSet } from "./permission-set.js";
import type { Profile } from "./profile.js";
import type { Report } from "./report.js";
import type { Role } from "./role.js";
import type { SharingRule } from "./sharing-rule.js";
import type { Template } from "./template.js";

/** Every metadata kind and the TypeScript type of its documents. */
export interface MetadataKindMap {
  object: ObjectDefinition;
  layout: Layout;
  listView: ListView;
  app: AppDefinition;
  role: Role;
  permissionSet: PermissionSet;
  profile: Profile;
  sharingRule: SharingRule;
  approvalProcess: ApprovalProcess;
  automation: Automation;
  template: Template;
  package: PackageManifest;
  report: Report;
  dashboard: Dashboard;
  duplicateRule: DuplicateRule;
}

export type MetadataKind = keyof MetadataKindMap;
export type DocumentOfKind<K extends MetadataKind> = MetadataKindMap[K];
export type MetadataDocument = MetadataKindMap[MetadataKind];
