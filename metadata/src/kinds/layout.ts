import { type Static, Type } from "@sinclair/typebox";
import { ExpressionSchema, NAME_PATTERN } from "../fields/field-base.js";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import { pointer } from "../issues/metadata-issue.js";
import type { CheckContext, SemanticCheck } from "../validate/check-context.js";
import { type ExpressionSite, issueCollector, NameSchema, type Report, SortOrderSchema } from "./common.js";
import type { ObjectDefinition } from "./object.js";
import { isReadableField, isRelationshipTo, isWritableField, needsValueOnCreate } from "./object-fields.js";
import { PACKAGE_NAME_PATTERN } from "./package.js";

export const LayoutItemSchema = Type.Object(
  {
    field: NameSchema,
    /** Rules on the record being edited; the server re-checks required and read-only ones. */
    visibleWhen: Type.Optional(ExpressionSchema),
    requiredWhen: Type.Optional(ExpressionSchema),
    readOnlyWhen: Type.Optional(ExpressionSchema),
    /** 0-based column of the section; the next free column when absent. */
    column: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 })),
  },
  { additionalProperties: false },
);
export type LayoutItem = Static<typeof LayoutItemSchema>;

/**
 * A section of fields in columns, or (`type: "panel"`) a section a package's panel widget draws
 * instead of fields. One shape for both, so a panel keeps `columns` and an always empty `items`
 * and everything that walks a layout's placed fields (the form compiler, the designer) sees an
 * empty section and needs no case of its own.
 */
export const LayoutSectionSchema = Type.Object(
  {
    /** Stable across renames and template upgrades: merges follow it, not the label. */
    id: Type.String({ pattern: "^[A-Za-z0-9_.:-]{1,120}$" }),
    /** `fields` when absent. */
    type: Type.Optional(Type.Union([Type.Literal("fields"), Type.Literal("panel")])),
    label: LocalizedTextSchema,
    /** Not used by a panel, which takes the section's whole width. */
    columns: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
    collapsed: Type.Optional(Type.Boolean()),
    /** Always empty in a panel. */
    items: Type.Array(LayoutItemSchema, { maxItems: 200 }),
    /** A panel's widget, `<package>.<widget>`: a widget of kind `panel` of that package's manifest. */
    widget: Type.Optional(Type.String({ minLength: 1, maxLength: 130 })),
  },
  { additionalProperties: false },
);
export type LayoutSection = Static<typeof LayoutSectionSchema>;

/**
 * How layouts name a package's widget: `<package>.<widget>` (a package name, a dot, the widget's
 * name), e.g. `sales.leadScore`. Plugin field types name their input the same way in their
 * uiSchema's `ui:widget`.
 */
export const WIDGET_REFERENCE_PATTERN = `${PACKAGE_NAME_PATTERN.slice(0, -1)}\\.${NAME_PATTERN.slice(1)}`;
const WIDGET_REFERENCE = new RegExp(WIDGET_REFERENCE_PATTERN);

/** The package and widget a reference names; undefined when it is not `<package>.<widget>`. */
export const parseWidgetReference = (reference: string): { package: string; widget: string } | undefined => {
  if (!WIDGET_REFERENCE.test(reference)) return undefined;
  const dot = reference.indexOf(".");
  return { package: reference.slice(0, dot), widget: reference.slice(dot + 1) };
};

export const RelatedListSchema = Type.Object(
  {
    object: NameSchema,
    /** The lookup or master-detail field on `object` that points to the layout's object. */
    field: NameSchema,
    columns: Type.Array(NameSchema, { minItems: 1, maxItems: 10 }),
    label: Type.Optional(LocalizedTextSchema),
    sort: Type.Optional(SortOrderSchema),
  },
  { additionalProperties: false },
);
export type RelatedList = Static<typeof RelatedListSchema>;

const StandardButtonSchema = Type.Object(
  {
    name: NameSchema,
    /** The built-in, translated label when absent. */
    label: Type.Optional(LocalizedTextSchema),
    action: Type.Union([
      Type.Literal("edit"),
      Type.Literal("delete"),
      Type.Literal("clone"),
      Type.Literal("submitForApproval"),
    ]),
    visibleWhen: Type.Optional(ExpressionSchema),
  },
  { additionalProperties: false },
);

const CustomButtonSchema = Type.Object(
  {
    name: NameSchema,
    label: LocalizedTextSchema,
    action: Type.Literal("custom"),
    /** An action a plugin's server entry registers, as `<package>/<action>`. */
    handler: Type.String({ pattern: "^[a-z][a-z0-9-]{0,62}/[a-z][A-Za-z0-9]{0,62}$" }),
    visibleWhen: Type.Optional(ExpressionSchema),
  },
  { additionalProperties: false },
);

/**
 * A route of a package's server entry, run from the record page: a POST to
 * `/api/v1/plugins/<package><path>` with `{id}` replaced by the record's id.
 */
const PluginButtonSchema = Type.Object(
  {
    name: NameSchema,
    label: LocalizedTextSchema,
    action: Type.Literal("plugin"),
    package: Type.String({ pattern: PACKAGE_NAME_PATTERN }),
    /** The route's path below the package, e.g. `/leads/{id}/convert`. */
    path: Type.String({ minLength: 2, maxLength: 300 }),
    /** A question the user answers before the request is sent. */
    confirm: Type.Optional(LocalizedTextSchema),
    visibleWhen: Type.Optional(ExpressionSchema),
  },
  { additionalProperties: false },
);
export type PluginButton = Static<typeof PluginButtonSchema>;

export const LayoutButtonSchema = Type.Union([StandardButtonSchema, CustomButtonSchema, PluginButtonSchema]);
export type LayoutButton = Static<typeof LayoutButtonSchema>;

export const LayoutSchema = Type.Object(
  {
    kind: Type.Literal("layout"),
    name: NameSchema,
    object: NameSchema,
    label: LocalizedTextSchema,
    /** The layout an object's records use unless a profile is given another one. */
    default: Type.Optional(Type.Boolean()),
    sections: Type.Array(LayoutSectionSchema, { minItems: 1, maxItems: 50 }),
    relatedLists: Type.Optional(Type.Array(RelatedListSchema, { maxItems: 20 })),
    buttons: Type.Optional(Type.Array(LayoutButtonSchema, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type Layout = Static<typeof LayoutSchema>;

const RULE_KEYS = ["visibleWhen", "requiredWhen", "readOnlyWhen"] as const;

/**
 * Expressions, all rules on the layout's object (evaluated live in forms and again on the server):
 * `sections[].items[].visibleWhen|requiredWhen|readOnlyWhen` and `buttons[].visibleWhen`.
 */
export const expressionsOfLayout = (doc: Layout): ExpressionSite[] => {
  const sites: ExpressionSite[] = [];
  const add = (path: string, expression: unknown) =>
    sites.push({ path, expression, object: doc.object, mode: "rule" });
  doc.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      for (const key of RULE_KEYS) {
        if (item[key] !== undefined) add(pointer("sections", s, "items", i, key), item[key]);
      }
    });
  });
  doc.buttons?.forEach((button, b) => {
    if (button.visibleWhen !== undefined) add(pointer("buttons", b, "visibleWhen"), button.visibleWhen);
  });
  return sites;
};

const checkItem = (
  item: LayoutItem,
  at: ReadonlyArray<string | number>,
  columns: number,
  object: ObjectDefinition,
  placed: Set<string>,
  report: Report,
): void => {
  if (!isReadableField(object, item.field)) {
    report([...at, "field"], "layout.unknownField", `Object "${object.name}" has no field "${item.field}".`);
  } else if (placed.has(item.field)) {
    report(
      [...at, "field"],
      "layout.duplicateField",
      `Field "${item.field}" is placed on this layout more than once.`,
    );
  } else if (item.requiredWhen !== undefined && !isWritableField(object, item.field)) {
    report(
      [...at, "requiredWhen"],
      "layout.notEditable",
      `Field "${item.field}" is filled in by the system and cannot be required.`,
    );
  }
  placed.add(item.field);
  if (item.column !== undefined && item.column >= columns) {
    report(
      [...at, "column"],
      "layout.columnOutOfRange",
      `Column ${item.column + 1} does not exist: the section has ${columns} column(s).`,
    );
  }
};

/**
 * A panel's widget must be written `<package>.<widget>`. Whether the package provides it can only
 * be told when its manifest is in the set (a tenant's metadata holds the manifest of every
 * installed package; a bundle validated alone may not): then it must declare a panel widget of
 * that name. Without the package the runtime shows the section as unavailable.
 */
const checkPanel = (
  section: LayoutSection,
  at: ReadonlyArray<string | number>,
  ctx: CheckContext,
  report: Report,
) => {
  if (section.items.length > 0) {
    report(
      [...at, "items"],
      "layout.panelWithFields",
      "A panel section shows its widget, not fields: move the fields to another section.",
    );
  }
  if (section.widget === undefined) {
    report([...at, "widget"], "layout.panelWithoutWidget", 'A panel section needs a "widget" to show.');
    return;
  }
  const reference = parseWidgetReference(section.widget);
  if (reference === undefined) {
    report(
      [...at, "widget"],
      "layout.invalidWidget",
      `"${section.widget}" does not name a widget: write <package>.<widget>, e.g. "sales.leadScore".`,
    );
    return;
  }
  const manifest = ctx.find("package", reference.package);
  if (manifest === undefined) return;
  const declared = manifest.widgets?.find((w) => w.name === reference.widget);
  if (declared === undefined) {
    report(
      [...at, "widget"],
      "layout.unknownWidget",
      `Package "${reference.package}" has no widget "${reference.widget}".`,
    );
  } else if (declared.kind !== "panel") {
    report(
      [...at, "widget"],
      "layout.notPanelWidget",
      `Widget "${section.widget}" shows a field value; a section needs a panel widget.`,
    );
  }
};

const checkSections = (doc: Layout, object: ObjectDefinition, ctx: CheckContext, report: Report): void => {
  const placed = new Set<string>();
  const sectionIds = new Set<string>();
  doc.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) {
      report(["sections", s, "id"], "layout.duplicateSection", `Section id "${section.id}" is used twice.`);
    }
    sectionIds.add(section.id);
    if (section.type === "panel") {
      checkPanel(section, ["sections", s], ctx, report);
      return;
    }
    if (section.widget !== undefined) {
      report(
        ["sections", s, "widget"],
        "layout.widgetOutsidePanel",
        'Only a section of type "panel" shows a widget.',
      );
    }
    section.items.forEach((item, i) => {
      checkItem(item, ["sections", s, "items", i], section.columns, object, placed, report);
    });
  });
  // Forms are generated from layouts: a required field left off could never be filled in.
  for (const field of object.fields) {
    if (needsValueOnCreate(field) && !placed.has(field.name)) {
      report(
        ["sections"],
        "layout.requiredFieldMissing",
        `Required field "${field.name}" has no default and must be placed on the layout.`,
      );
    }
  }
};

const checkRelatedLists = (doc: Layout, report: Report, objects: ReadonlyMap<string, ObjectDefinition>) => {
  doc.relatedLists?.forEach((list, r) => {
    const child = objects.get(list.object);
    if (child === undefined) {
      report(
        ["relatedLists", r, "object"],
        "layout.unknownObject",
        `Object "${list.object}" does not exist.`,
      );
      return;
    }
    // With the layout's own object unknown (reported once), every relationship would mismatch.
    if (objects.has(doc.object) && !isRelationshipTo(child, list.field, doc.object)) {
      report(
        ["relatedLists", r, "field"],
        "layout.invalidRelationship",
        `"${list.field}" is not a lookup or master-detail field of "${list.object}" pointing to "${doc.object}".`,
      );
    }
    list.columns.forEach((column, c) => {
      if (!isReadableField(child, column)) {
        report(
          ["relatedLists", r, "columns", c],
          "layout.unknownField",
          `Object "${list.object}" has no field "${column}".`,
        );
      }
    });
    list.sort?.forEach((key, k) => {
      if (!isReadableField(child, key.field)) {
        report(
          ["relatedLists", r, "sort", k, "field"],
          "layout.unknownField",
          `Object "${list.object}" has no field "${key.field}".`,
        );
      }
    });
  });
};

/** `/leads/{id}/convert`: plain segments or the record id's placeholder; nothing that climbs out. */
const PLUGIN_PATH = /^(\/([A-Za-z0-9_-]{1,100}|\{id\}))+$/;

const checkButtons = (doc: Layout, ctx: CheckContext, report: Report): void => {
  const names = new Set<string>();
  doc.buttons?.forEach((button, b) => {
    if (names.has(button.name)) {
      report(["buttons", b, "name"], "layout.duplicateButton", `Button "${button.name}" is defined twice.`);
    }
    names.add(button.name);
    if (button.action === "plugin" && !PLUGIN_PATH.test(button.path)) {
      report(
        ["buttons", b, "path"],
        "layout.invalidPluginPath",
        `"${button.path}" is not a route path: write segments of letters, digits, "-" and "_", or {id}, each after a "/", e.g. "/leads/{id}/convert".`,
      );
    }
    if (
      button.action === "submitForApproval" &&
      !ctx.byKind("approvalProcess").some((process) => process.object === doc.object)
    ) {
      report(
        ["buttons", b, "action"],
        "layout.noApprovalProcess",
        `No approval process exists for "${doc.object}" records.`,
      );
    }
  });
};

/**
 * Expressions (checked by the lead's rule checker via expressionsOfLayout, not here): every
 * `visibleWhen`, `requiredWhen`, `readOnlyWhen` of an item and `visibleWhen` of a button; all
 * general rules on the layout's object.
 */
export const checkLayout: SemanticCheck<Layout> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  const object = ctx.objects.get(doc.object);
  if (object === undefined) {
    report(["object"], "layout.unknownObject", `Object "${doc.object}" does not exist.`);
  } else {
    checkSections(doc, object, ctx, report);
  }
  checkRelatedLists(doc, report, ctx.objects);
  checkButtons(doc, ctx, report);
  if (doc.default === true) {
    const earlier = ctx
      .byKind("layout")
      .find((other) => other.object === doc.object && other.default === true && other.name < doc.name);
    if (earlier !== undefined) {
      report(
        ["default"],
        "layout.duplicateDefault",
        `Layout "${earlier.name}" is already the default layout of "${doc.object}".`,
      );
    }
  }
  return issues;
};
