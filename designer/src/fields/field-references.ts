import type {
  ApprovalAction,
  AutomationAction,
  ExpressionSite,
  MetadataDocument,
  MetadataKind,
  ObjectDefinition,
  Recipient,
} from "@tessera/metadata";
import {
  APPROVAL_EVENTS,
  expressionsOfApprovalProcess,
  expressionsOfAutomation,
  expressionsOfLayout,
  expressionsOfListView,
  expressionsOfReport,
  expressionsOfSharingRule,
  fieldsRead,
  isPlainObject,
  pointer,
} from "@tessera/metadata";

/** How a document uses a field, for the sentence the delete confirmation shows. */
export type ReferenceUse =
  | "recordName"
  | "formula"
  | "defaultFormula"
  | "validationRule"
  | "rollupSummary"
  | "layoutField"
  | "relatedList"
  | "condition"
  | "listViewColumn"
  | "listViewSort"
  | "trigger"
  | "fieldUpdate"
  | "createRecord"
  | "recipient"
  | "approver"
  | "fieldPermission"
  | "template"
  | "reportGrouping"
  | "reportMeasure"
  | "duplicateCondition";

/** One place a document names the field (`path`: JSON pointer into that document). */
export interface FieldReference {
  kind: MetadataKind;
  name: string;
  path: string;
  use: ReferenceUse;
}

interface Target {
  object: string;
  field: string;
  objects: ReadonlyMap<string, ObjectDefinition>;
}

/** The object a relationship field of `object` points to (user fields point to users). */
const referencedObject = (object: ObjectDefinition | undefined, fieldName: string): string | undefined => {
  const field = object?.fields.find((f) => f.name === fieldName);
  if (field === undefined) return undefined;
  if (field.type === "lookup" || field.type === "masterDetail") return field.reference;
  return field.type === "user" ? "user" : undefined;
};

/**
 * Whether an expression evaluated on records of `site` reads the target field: directly
 * (`{"var": "status"}` on the same object) or across a relationship (`{"var": "account.rating"}`).
 */
const readsTarget = (expression: unknown, site: string, target: Target): boolean =>
  fieldsRead(expression).some((path) => {
    const [head = "", next] = path.split(".");
    if (site === target.object && head === target.field) return true;
    return next === target.field && referencedObject(target.objects.get(site), head) === target.object;
  });

const expressionReferences = (
  kind: MetadataKind,
  name: string,
  sites: readonly ExpressionSite[],
  target: Target,
): FieldReference[] =>
  sites
    .filter((site) => readsTarget(site.expression, site.object, target))
    .map((site) => ({ kind, name, path: site.path, use: "condition" as const }));

const objectReferences = (doc: ObjectDefinition, target: Target): FieldReference[] => {
  const found: FieldReference[] = [];
  const add = (path: string, use: ReferenceUse) => found.push({ kind: "object", name: doc.name, path, use });
  const own = doc.name === target.object;
  if (own && doc.recordName === target.field) add("/recordName", "recordName");
  doc.fields.forEach((field, i) => {
    if (own && field.name === target.field) return;
    if (field.type === "formula" && readsTarget(field.expression, doc.name, target)) {
      add(pointer("fields", i, "expression"), "formula");
    }
    if (
      "default" in field &&
      isPlainObject(field.default) &&
      "expression" in field.default &&
      readsTarget(field.default.expression, doc.name, target)
    ) {
      add(pointer("fields", i, "default", "expression"), "defaultFormula");
    }
    if (field.type === "rollupSummary" && field.childObject === target.object) {
      const uses =
        field.relationshipField === target.field ||
        field.summaryField === target.field ||
        (field.filter !== undefined && readsTarget(field.filter, target.object, target));
      if (uses) add(pointer("fields", i), "rollupSummary");
    }
  });
  doc.validationRules?.forEach((rule, r) => {
    if (own && rule.field === target.field) add(pointer("validationRules", r, "field"), "validationRule");
    else if (readsTarget(rule.errorWhen, doc.name, target))
      add(pointer("validationRules", r, "errorWhen"), "validationRule");
  });
  return found;
};

const recipientReferences = (
  to: readonly Recipient[],
  at: ReadonlyArray<string | number>,
  field: string,
): string[] =>
  to.flatMap((recipient, n) =>
    recipient.type === "field" && recipient.field === field ? [pointer(...at, "to", n, "field")] : [],
  );

const actionReferences = (
  action: ApprovalAction | AutomationAction,
  at: ReadonlyArray<string | number>,
  onTargetObject: boolean,
  target: Target,
): Array<{ path: string; use: ReferenceUse }> => {
  if (action.type === "fieldUpdate" && onTargetObject && action.field === target.field) {
    return [{ path: pointer(...at, "field"), use: "fieldUpdate" }];
  }
  if (action.type === "notify" && onTargetObject) {
    return recipientReferences(action.to, at, target.field).map((path) => ({ path, use: "recipient" }));
  }
  if (
    action.type === "createRecord" &&
    action.object === target.object &&
    Object.hasOwn(action.values, target.field)
  ) {
    return [{ path: pointer(...at, "values", target.field), use: "createRecord" }];
  }
  return [];
};

const templateMentions = (text: string | undefined, field: string): boolean =>
  text !== undefined && new RegExp(`\\b(record|display|labels)\\.${field}\\b`).test(text);

/** References of a document of any kind but object. */
const documentReferences = (doc: MetadataDocument, target: Target): FieldReference[] => {
  const found: FieldReference[] = [];
  const add = (path: string, use: ReferenceUse) => found.push({ kind: doc.kind, name: doc.name, path, use });
  const { object, field } = target;
  switch (doc.kind) {
    case "object":
      return objectReferences(doc, target);
    case "layout":
      if (doc.object === object) {
        doc.sections.forEach((section, s) => {
          section.items.forEach((item, i) => {
            if (item.field === field) add(pointer("sections", s, "items", i, "field"), "layoutField");
          });
        });
      }
      doc.relatedLists?.forEach((list, r) => {
        if (list.object !== object) return;
        const uses =
          list.field === field ||
          list.columns.includes(field) ||
          (list.sort ?? []).some((key) => key.field === field);
        if (uses) add(pointer("relatedLists", r), "relatedList");
      });
      return [...found, ...expressionReferences(doc.kind, doc.name, expressionsOfLayout(doc), target)];
    case "listView":
      if (doc.object !== object) return [];
      doc.columns.forEach((column, c) => {
        if (column === field) add(pointer("columns", c), "listViewColumn");
      });
      doc.sort?.forEach((key, k) => {
        if (key.field === field) add(pointer("sort", k, "field"), "listViewSort");
      });
      return [...found, ...expressionReferences(doc.kind, doc.name, expressionsOfListView(doc), target)];
    case "sharingRule":
      return expressionReferences(doc.kind, doc.name, expressionsOfSharingRule(doc), target);
    case "automation": {
      const onTarget = doc.object === object;
      const trigger = doc.trigger;
      const triggerField =
        trigger.type === "sla" ? trigger.from : "field" in trigger ? trigger.field : undefined;
      if (onTarget && triggerField === field) {
        add(trigger.type === "sla" ? "/trigger/from" : "/trigger/field", "trigger");
      }
      doc.actions.forEach((action, a) => {
        for (const hit of actionReferences(action, ["actions", a], onTarget, target)) add(hit.path, hit.use);
      });
      return [...found, ...expressionReferences(doc.kind, doc.name, expressionsOfAutomation(doc), target)];
    }
    case "approvalProcess": {
      const onTarget = doc.object === object;
      doc.steps.forEach((step, s) => {
        step.approvers.forEach((approver, n) => {
          if (onTarget && approver.type === "field" && approver.field === field) {
            add(pointer("steps", s, "approvers", n, "field"), "approver");
          }
        });
      });
      for (const event of APPROVAL_EVENTS) {
        doc.actions?.[event]?.forEach((action, a) => {
          for (const hit of actionReferences(action, ["actions", event, a], onTarget, target))
            add(hit.path, hit.use);
        });
      }
      return [
        ...found,
        ...expressionReferences(doc.kind, doc.name, expressionsOfApprovalProcess(doc), target),
      ];
    }
    case "permissionSet":
    case "profile":
      if (doc.fields?.[object]?.[field] !== undefined) {
        add(pointer("fields", object, field), "fieldPermission");
      }
      return found;
    case "template":
      if (doc.object !== object) return [];
      if (
        templateMentions(doc.body.en, field) ||
        templateMentions(doc.body["zh-CN"], field) ||
        templateMentions(doc.subject?.en, field) ||
        templateMentions(doc.subject?.["zh-CN"], field)
      ) {
        add("/body", "template");
      }
      return found;
    case "report":
      if (doc.object === object) {
        doc.groupings.forEach((grouping, g) => {
          if (grouping.field === field) add(pointer("groupings", g, "field"), "reportGrouping");
        });
        doc.measures.forEach((measure, m) => {
          if (measure.field === field) add(pointer("measures", m, "field"), "reportMeasure");
        });
      }
      return [...found, ...expressionReferences(doc.kind, doc.name, expressionsOfReport(doc), target)];
    case "duplicateRule":
      if (doc.object !== object) return [];
      doc.conditions.forEach((condition, c) => {
        if (condition.field === field) add(pointer("conditions", c, "field"), "duplicateCondition");
      });
      return found;
    case "app":
    case "role":
    case "package":
    case "dashboard":
      return [];
  }
};

/**
 * Every place the draft names field `field` of object `object`: what stops working (or is refused
 * at publish) when the field is deleted. `documents` should hold the object as it is being edited.
 */
export const findFieldReferences = (
  documents: readonly MetadataDocument[],
  object: string,
  field: string,
): FieldReference[] => {
  const objects = new Map(
    documents.filter((d): d is ObjectDefinition => d.kind === "object").map((d) => [d.name, d]),
  );
  const target: Target = { object, field, objects };
  return documents.flatMap((doc) => documentReferences(doc, target));
};
