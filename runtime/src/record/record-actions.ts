import type { Layout, LayoutButton, LocalizedText } from "@tessera/metadata";
import type { ObjectPermissions } from "../api/types.js";
import { rulePredicate } from "./rule-data.js";

/** The record actions the page knows how to run; other layout buttons are not shown. */
export type RecordActionKind = "edit" | "delete" | "submitForApproval";

export interface RecordAction {
  name: string;
  action: RecordActionKind;
  /** The layout's label; the built-in one when absent. */
  label?: LocalizedText;
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
  action === "edit" || action === "delete" || action === "submitForApproval";

const allowed = (action: RecordActionKind, ctx: ActionContext): boolean => {
  if (action === "edit") return ctx.permissions.edit && !ctx.lockedForUser;
  if (action === "delete") return ctx.permissions.delete;
  return ctx.canSubmit;
};

/**
 * The buttons of the record page: the layout's (in its order, with its labels and `visibleWhen`),
 * else edit, delete and submit for approval; only those the user may use. The server refuses the
 * rest anyway: hiding them is for the user, not for security.
 */
export const recordActions = (layout: Layout | undefined, ctx: ActionContext): RecordAction[] =>
  (layout?.buttons ?? DEFAULT_BUTTONS).flatMap((button): RecordAction[] => {
    const { action } = button;
    if (!isRecordAction(action) || !allowed(action, ctx)) return [];
    if (button.visibleWhen !== undefined && !rulePredicate(button.visibleWhen)(ctx.data)) return [];
    return [{ name: button.name, action, ...(button.label !== undefined && { label: button.label }) }];
  });
