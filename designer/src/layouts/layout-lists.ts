import type { FieldDefinition, Layout, LayoutButton, ObjectDefinition, RelatedList } from "@tessera/metadata";
import { insertItem, moveItem } from "../dnd/move-item.js";

/** A related list the layout may show: a child object and its field pointing to the layout's object. */
export interface RelatedListChoice {
  object: string;
  field: string;
}

/**
 * Every related list possible for `parent`: one per lookup or master-detail field (of any object
 * of the draft, `parent` itself included) referencing it, in the draft's order.
 */
export const relatedListChoices = (
  objects: readonly ObjectDefinition[],
  parent: string,
): RelatedListChoice[] =>
  objects.flatMap((child) =>
    child.fields
      .filter((f) => (f.type === "lookup" || f.type === "masterDetail") && f.reference === parent)
      .map((f) => ({ object: child.name, field: f.name })),
  );

const sameList = (a: RelatedListChoice, b: RelatedListChoice) => a.object === b.object && a.field === b.field;

/** The choices the layout does not show yet. */
export const unusedRelatedLists = (
  layout: Layout,
  choices: readonly RelatedListChoice[],
): RelatedListChoice[] =>
  choices.filter((choice) => !(layout.relatedLists ?? []).some((list) => sameList(list, choice)));

const LONG_TEXT = new Set<FieldDefinition["type"]>(["textarea", "richText"]);

/**
 * A new related list of `child` through `field`, with the columns the runtime shows for a list
 * the layout does not define: the child's name field and its next three short fields, never the
 * field pointing back.
 */
export const newRelatedList = (child: ObjectDefinition, field: string): RelatedList => {
  const others = child.fields
    .filter((f) => f.name !== child.recordName && f.name !== field && !LONG_TEXT.has(f.type))
    .slice(0, 3)
    .map((f) => f.name);
  return { object: child.name, field, columns: [child.recordName, ...others] };
};

const withRelatedLists = (layout: Layout, lists: RelatedList[]): Layout => {
  const { relatedLists: _old, ...rest } = layout;
  return lists.length === 0 ? rest : { ...rest, relatedLists: lists };
};

/** `list` added at `index` (clamped); a list already shown is not added twice. */
export const addRelatedList = (layout: Layout, list: RelatedList, index: number): Layout => {
  const lists = layout.relatedLists ?? [];
  if (lists.some((existing) => sameList(existing, list))) return layout;
  return withRelatedLists(layout, insertItem(lists, index, list));
};

export const moveRelatedList = (layout: Layout, from: number, to: number): Layout =>
  withRelatedLists(layout, moveItem(layout.relatedLists ?? [], from, to));

/** Without related list `index`; an empty list drops the key (the runtime then shows every child). */
export const removeRelatedList = (layout: Layout, index: number): Layout =>
  withRelatedLists(
    layout,
    (layout.relatedLists ?? []).filter((_, r) => r !== index),
  );

export const updateRelatedList = (layout: Layout, index: number, next: RelatedList): Layout =>
  withRelatedLists(
    layout,
    (layout.relatedLists ?? []).map((list, r) => (r === index ? next : list)),
  );

/** Actions a button may run; `custom` runs a plugin's handler, `plugin` calls a package's route. */
export const BUTTON_ACTIONS = ["edit", "delete", "clone", "submitForApproval", "custom", "plugin"] as const;
export type ButtonAction = (typeof BUTTON_ACTIONS)[number];

/** The actions "Add button" offers: a plugin route only when the draft has a package to call. */
export const offeredButtonActions = (hasPackage: boolean): ButtonAction[] =>
  BUTTON_ACTIONS.filter((action) => action !== "plugin" || hasPackage);

const uniqueButtonName = (layout: Layout, base: string): string => {
  const used = new Set((layout.buttons ?? []).map((b) => b.name));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${n}`)) n += 1;
  return `${base}${n}`;
};

/**
 * A new button running `action`: standard ones keep their built-in label; a custom or plugin one
 * needs its own, and a valid handler or route (of `packageName`) to edit from.
 */
export const newButton = (layout: Layout, action: ButtonAction, packageName = "my-plugin"): LayoutButton => {
  switch (action) {
    case "custom":
      return {
        name: uniqueButtonName(layout, "customAction"),
        label: { en: "Custom action" },
        action,
        handler: "my-plugin/action",
      };
    case "plugin":
      return {
        name: uniqueButtonName(layout, "pluginAction"),
        label: { en: "Plugin action", "zh-CN": "插件操作" },
        action,
        package: packageName,
        path: "/{id}/action",
      };
    default:
      return { name: uniqueButtonName(layout, action), action };
  }
};

/**
 * The buttons the record page shows while the layout defines none (edit, delete and, with an
 * approval process for the object, submit for approval), as the layout's own to start from.
 */
export const defaultButtons = (hasApprovalProcess: boolean): LayoutButton[] => [
  { name: "edit", action: "edit" },
  { name: "delete", action: "delete" },
  ...(hasApprovalProcess ? [{ name: "submitForApproval", action: "submitForApproval" as const }] : []),
];

const withButtons = (layout: Layout, buttons: LayoutButton[] | undefined): Layout => {
  const { buttons: _old, ...rest } = layout;
  return buttons === undefined ? rest : { ...rest, buttons };
};

export const setButtons = (layout: Layout, buttons: LayoutButton[] | undefined): Layout =>
  withButtons(layout, buttons);

export const addButton = (layout: Layout, button: LayoutButton): Layout =>
  withButtons(layout, [...(layout.buttons ?? []), button]);

export const moveButton = (layout: Layout, from: number, to: number): Layout =>
  withButtons(layout, moveItem(layout.buttons ?? [], from, to));

/** Without button `index`. An empty list stays: it means "no buttons", unlike no list (the defaults). */
export const removeButton = (layout: Layout, index: number): Layout =>
  withButtons(
    layout,
    (layout.buttons ?? []).filter((_, b) => b !== index),
  );

export const updateButton = (layout: Layout, index: number, next: LayoutButton): Layout =>
  withButtons(
    layout,
    (layout.buttons ?? []).map((button, b) => (b === index ? next : button)),
  );
