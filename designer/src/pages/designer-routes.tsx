import type { ReactNode } from "react";
import { ApprovalDesignerPage } from "../approvals/approval-designer-page.js";
import { ApprovalsPage } from "../approvals/approvals-page.js";
import { AppEditorPage } from "../apps/app-editor-page.js";
import { AppsPage } from "../apps/apps-page.js";
import { AutomationDesignerPage } from "../automations/automation-designer-page.js";
import { AutomationsPage } from "../automations/automations-page.js";
import { RawJsonPage } from "../editing/raw-json-page.js";
import { LayoutDesignerPage } from "../layouts/layout-designer-page.js";
import { ListViewDesignerPage } from "../list-views/list-view-designer-page.js";
import { ObjectPage } from "../objects/object-page.js";
import { ObjectsPage } from "../objects/objects-page.js";
import { PermissionsPage } from "../permissions/permissions-page.js";
import { PublishPage } from "../publish/publish-page.js";
import { RolesPage } from "../roles/roles-page.js";
import { SharingRulesPage } from "../sharing/sharing-rules-page.js";
import { UsersPage } from "../users/users-page.js";

/**
 * Every screen of the designer, relative to /designer. Links between editors use these paths:
 * `/objects/:name` (tab in `?tab=fields|rules|layouts|listViews`), `/objects/:name/layouts/:layout`,
 * `/objects/:name/list-views/:view`, `/apps/:name`, `/approvals/:name`, `/automations/:name`, `/json/:kind/:name`.
 */
export const DESIGNER_ROUTES: ReadonlyArray<{ path: string; element: ReactNode }> = [
  { path: "objects", element: <ObjectsPage /> },
  { path: "objects/:name", element: <ObjectPage /> },
  { path: "objects/:name/layouts/:layout", element: <LayoutDesignerPage /> },
  { path: "objects/:name/list-views/:view", element: <ListViewDesignerPage /> },
  { path: "apps", element: <AppsPage /> },
  { path: "apps/:name", element: <AppEditorPage /> },
  { path: "permissions", element: <PermissionsPage /> },
  { path: "roles", element: <RolesPage /> },
  { path: "sharing-rules", element: <SharingRulesPage /> },
  { path: "users", element: <UsersPage /> },
  { path: "approvals", element: <ApprovalsPage /> },
  { path: "approvals/:name", element: <ApprovalDesignerPage /> },
  { path: "automations", element: <AutomationsPage /> },
  { path: "automations/:name", element: <AutomationDesignerPage /> },
  { path: "publish", element: <PublishPage /> },
  { path: "json/:kind/:name", element: <RawJsonPage /> },
];
