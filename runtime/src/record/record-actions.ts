import type { Layout, LayoutButton, LocalizedText } from "@tessera/metadata";
import type { ObjectPermissions } from "../api/types.js";
import { rulePredicate } from "./rule-data.js";

/** The record actions the page knows how to run; other layout buttons are not shown. */
export type RecordActionKind = "edit" | "delete" | "submitForApproval" | "plugin";

export interface RecordAction {
  name: string;
  action: RecordActionKind;
  /** The layout's label; the built-in one when absent. */
  label?: LocalizedText;
  /** A plugin button's route (POST `/api/v1/plugins/<package><path>`) and its question first. */
  plugin?: { package: string; path: string; confirm?: LocalizedText };
}

export interface ActionContext {
  permissions: ObjectPermissions;
  /** A pending request locks the record and the user is not one of its approvers. */
  lockedForUser: boolean;
  /** The object has an approval process and the record has no pending request. */
  canSubmit: boolean;
  /** The record as rules read it (see ruleData). */
  data: Record<string, unknown>;
}

const DEFAULT_BUTTONS: readonly LayoutButton[] = [
  { name: "edit", action: "edit" },
  { name: "delete", action: "delete" },
  { name: "submitForApproval", action: "submitForApproval" },
];

const isRecordAction = (action: LayoutButton["action"]): action is RecordActionKind =>
  action === "edit" || action === "delete" || action === "submitForApproval" || action === "plugin";

const allowed = (action: RecordActionKind, ctx: ActionContext): boolean => {
  if (action === "edit") return ctx.permissions.edit && !ctx.lockedForUser;
  if (action === "delete") return ctx.permissions.delete;
  // The plugin's route decides (as the user): the page cannot know what it needs.
  if (action === "plugin") return true;
  return ctx.canSubmit;
};

/**
 * The buttons of the record page: the layout's (in its order, with its labels and `visibleWhen`),
 * else edit, delete and submit for approval; only those the user may use. Plugin buttons are
 * shown whenever their `visibleWhen` holds. The server refuses the
 * rest anyway: hiding them is for the user, not for security.
 */
export const recordActions = (layout: Layout | undefined, ctx: ActionContext): RecordAction[] =>
  (layout?.buttons ?? DEFAULT_BUTTONS).flatMap((button): RecordAction[] => {
    const { action } = button;
    if (!isRecordAction(action) || !allowed(action, ctx)) return [];
    if (button.visibleWhen !== undefined && !rulePredicate(button.visibleWhen)(ctx.data)) return [];
    const plugin =
      button.action === "plugin"
        ? {
            package: button.package,
            path: button.path,
            ...(button.confirm !== undefined && { confirm: button.confirm }),
          }
        : undefined;
    return [
      {
        name: button.name,
        action,
        ...(button.label !== undefined && { label: button.label }),
        ...(plugin !== undefined && { plugin }),
      },
    ];
  });
