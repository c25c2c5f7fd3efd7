import { type Static, Type } from "@sinclair/typebox";
import { ExpressionSchema } from "../fields/field-base.js";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import { pointer } from "../issues/metadata-issue.js";
import type { CheckContext, SemanticCheck } from "../validate/check-context.js";
import { type ExpressionSite, issueCollector, NameSchema, type Report, SortOrderSchema } from "./common.js";
import type { ObjectDefinition } from "./object.js";
import { isReadableField, isRelationshipTo, isWritableField, needsValueOnCreate } from "./object-fields.js";

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

export const LayoutSectionSchema = Type.Object(
  {
    /** Stable across renames and template upgrades: merges follow it, not the label. */
    id: Type.String({ pattern: "^[A-Za-z0-9_.:-]{1,120}$" }),
    label: LocalizedTextSchema,
    columns: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
    collapsed: Type.Optional(Type.Boolean()),
    items: Type.Array(LayoutItemSchema, { maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type LayoutSection = Static<typeof LayoutSectionSchema>;

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

export const LayoutButtonSchema = Type.Union([StandardButtonSchema, CustomButtonSchema]);
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

const checkSections = (doc: Layout, object: ObjectDefinition, report: Report): void => {
  const placed = new Set<string>();
  const sectionIds = new Set<string>();
  doc.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) {
      report(["sections", s, "id"], "layout.duplicateSection", `Section id "${section.id}" is used twice.`);
    }
    sectionIds.add(section.id);
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

const checkButtons = (doc: Layout, ctx: CheckContext, report: Report): void => {
  const names = new Set<string>();
  doc.buttons?.forEach((button, b) => {
    if (names.has(button.name)) {
      report(["buttons", b, "name"], "layout.duplicateButton", `Button "${button.name}" is defined twice.`);
    }
    names.add(button.name);
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
    checkSections(doc, object, report);
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
