import type { MetadataDocument, ObjectDefinition } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { findFieldReferences } from "../../../designer/src/fields/field-references.js";
import {
  date,
  formula,
  lookup,
  option,
  picklist,
  rollupSummary,
  text,
  user,
} from "../../metadata/builders.js";

const object = (name: string, fields: ObjectDefinition["fields"], extra: Partial<ObjectDefinition> = {}) =>
  ({
    kind: "object",
    name,
    label: { en: name },
    pluralLabel: { en: `${name}s` },
    recordName: "name",
    sharingModel: "private",
    fields,
    ...extra,
  }) satisfies ObjectDefinition;

const status = picklist("status", { options: [option("planned", "Planned"), option("done", "Done")] });
const siteVisit = object("siteVisit", [
  text("name"),
  status,
  date("visitDate"),
  lookup("account", { reference: "account" }),
  user("inspector"),
  formula("isDone", { expression: { "==": [{ var: "status" }, "done"] }, returnType: "boolean" }),
]);
const refs = (documents: readonly MetadataDocument[], field = "status", target = "siteVisit") =>
  findFieldReferences(documents, target, field).map(
    ({ kind, name, path, use }) => `${kind}/${name}${path} ${use}`,
  );

describe("finding what uses a field of an object", () => {
  it("finds the object's formulas, default formulas, validation rules and record name", () => {
    const edited = object(
      "siteVisit",
      [
        ...siteVisit.fields,
        date("followUp", { default: { expression: { if: [{ var: "status" }, "2026-01-01", null] } } }),
      ],
      {
        recordName: "status",
        validationRules: [
          {
            name: "dateWhenDone",
            errorWhen: { "!": { var: "visitDate" } },
            message: { en: "x" },
            field: "status",
          },
          { name: "planned", errorWhen: { "==": [{ var: "status" }, "planned"] }, message: { en: "y" } },
          { name: "other", errorWhen: { "!": { var: "visitDate" } }, message: { en: "z" } },
        ],
      },
    );
    expect(refs([edited])).toEqual([
      "object/siteVisit/recordName recordName",
      "object/siteVisit/fields/5/expression formula",
      "object/siteVisit/fields/6/default/expression defaultFormula",
      "object/siteVisit/validationRules/0/field validationRule",
      "object/siteVisit/validationRules/1/errorWhen validationRule",
    ]);
  });

  it("does not count the field itself", () => {
    expect(refs([siteVisit], "isDone")).toEqual([]);
  });

  it("finds formulas of other objects reading it across a relationship, and roll-ups of it", () => {
    const visitNote = object("visitNote", [
      text("name"),
      lookup("visit", { reference: "siteVisit" }),
      formula("visitStatus", { expression: { var: "visit.status" }, returnType: "text" }),
      formula("ownStatus", { expression: { var: "status" }, returnType: "text" }),
    ]);
    const account = object("account", [
      text("name"),
      rollupSummary("plannedVisits", {
        childObject: "siteVisit",
        relationshipField: "account",
        operation: "count",
        filter: { "==": [{ var: "status" }, "planned"] },
      }),
      rollupSummary("visits", { childObject: "siteVisit", relationshipField: "account", operation: "count" }),
    ]);
    expect(refs([siteVisit, visitNote, account])).toEqual([
      "object/siteVisit/fields/5/expression formula",
      "object/visitNote/fields/2/expression formula",
      "object/account/fields/1 rollupSummary",
    ]);
    expect(refs([siteVisit, account], "account")).toEqual([
      "object/account/fields/1 rollupSummary",
      "object/account/fields/2 rollupSummary",
    ]);
  });

  it("finds layouts placing it, their rules reading it, and related lists showing it", () => {
    const layout = {
      kind: "layout",
      name: "siteVisitLayout",
      object: "siteVisit",
      label: { en: "Visit" },
      sections: [
        {
          id: "main",
          label: { en: "Main" },
          columns: 2,
          items: [
            { field: "name" },
            { field: "visitDate", requiredWhen: { "==": [{ var: "status" }, "planned"] } },
            { field: "status" },
          ],
        },
      ],
    } satisfies MetadataDocument;
    const accountLayout = {
      kind: "layout",
      name: "accountLayout",
      object: "account",
      label: { en: "Account" },
      sections: [{ id: "main", label: { en: "Main" }, columns: 1, items: [{ field: "name" }] }],
      relatedLists: [
        { object: "siteVisit", field: "account", columns: ["name", "status"] },
        { object: "siteVisit", field: "account", columns: ["name"] },
      ],
    } satisfies MetadataDocument;
    expect(refs([layout, accountLayout])).toEqual([
      "layout/siteVisitLayout/sections/0/items/2/field layoutField",
      "layout/siteVisitLayout/sections/0/items/1/requiredWhen condition",
      "layout/accountLayout/relatedLists/0 relatedList",
    ]);
  });

  it("finds list view columns, sort keys and filters, on the field's object only", () => {
    const view = {
      kind: "listView",
      name: "openVisits",
      object: "siteVisit",
      label: { en: "Open" },
      columns: ["name", "status"],
      sort: [{ field: "status", direction: "asc" }],
      filter: { "!=": [{ var: "status" }, "done"] },
    } satisfies MetadataDocument;
    const elsewhere = { ...view, name: "accounts", object: "account" } satisfies MetadataDocument;
    expect(refs([siteVisit, view, elsewhere]).filter((r) => r.startsWith("listView"))).toEqual([
      "listView/openVisits/columns/1 listViewColumn",
      "listView/openVisits/sort/0/field listViewSort",
      "listView/openVisits/filter condition",
    ]);
  });

  it("finds automation triggers, conditions, field updates, recipients and created records", () => {
    const automation = {
      kind: "automation",
      name: "onStatus",
      object: "siteVisit",
      label: { en: "On status" },
      active: true,
      trigger: { type: "fieldChange", field: "status" },
      condition: { "==": [{ var: "status" }, "done"] },
      actions: [
        { type: "fieldUpdate", field: "status", value: "planned" },
        { type: "createRecord", object: "siteVisit", values: { status: "planned" } },
        { type: "notify", template: "visitDone", to: [{ type: "field", field: "status" }] },
      ],
    } satisfies MetadataDocument;
    expect(refs([siteVisit, automation]).filter((r) => r.startsWith("automation"))).toEqual([
      "automation/onStatus/trigger/field trigger",
      "automation/onStatus/actions/0/field fieldUpdate",
      "automation/onStatus/actions/1/values/status createRecord",
      "automation/onStatus/actions/2/to/0/field recipient",
      "automation/onStatus/condition condition",
    ]);
  });

  it("finds an automation of another object creating records with the field", () => {
    const automation = {
      kind: "automation",
      name: "planVisit",
      object: "account",
      label: { en: "Plan" },
      active: true,
      trigger: { type: "create" },
      actions: [{ type: "createRecord", object: "siteVisit", values: { status: "planned" } }],
    } satisfies MetadataDocument;
    expect(refs([automation])).toEqual(["automation/planVisit/actions/0/values/status createRecord"]);
  });

  it("finds approval approvers, actions and criteria", () => {
    const approval = {
      kind: "approvalProcess",
      name: "visitApproval",
      object: "siteVisit",
      label: { en: "Approval" },
      active: true,
      priority: 1,
      entryCriteria: { "==": [{ var: "status" }, "done"] },
      steps: [
        {
          name: "inspector",
          label: { en: "Inspector" },
          approvers: [{ type: "field", field: "inspector" }],
          decision: "firstResponse",
          onReject: "final",
        },
      ],
      actions: { onFinalApprove: [{ type: "fieldUpdate", field: "status", value: "done" }] },
    } satisfies MetadataDocument;
    expect(refs([siteVisit, approval]).filter((r) => r.startsWith("approval"))).toEqual([
      "approvalProcess/visitApproval/actions/onFinalApprove/0/field fieldUpdate",
      "approvalProcess/visitApproval/entryCriteria condition",
    ]);
    expect(refs([approval], "inspector")).toEqual([
      "approvalProcess/visitApproval/steps/0/approvers/0/field approver",
    ]);
  });

  it("finds sharing criteria, field permissions and templates", () => {
    const rule = {
      kind: "sharingRule",
      name: "doneVisits",
      object: "siteVisit",
      label: { en: "Done" },
      type: "criteria",
      criteria: { "==": [{ var: "status" }, "done"] },
      sharedWith: { type: "role", name: "sales" },
      access: "read",
    } satisfies MetadataDocument;
    const permissions = {
      kind: "permissionSet",
      name: "inspectors",
      label: { en: "Inspectors" },
      fields: { siteVisit: { status: { read: true } }, account: { status: { read: true } } },
    } satisfies MetadataDocument;
    const template = {
      kind: "template",
      name: "visitDone",
      object: "siteVisit",
      label: { en: "Done" },
      purpose: "email",
      subject: { en: "Visit {{display.status}}" },
      body: { en: "<p>Done</p>" },
    } satisfies MetadataDocument;
    const statusless = { ...template, name: "plain", subject: { en: "Visit {{display.statusNote}}" } };
    expect(refs([rule, permissions, template, statusless])).toEqual([
      "sharingRule/doneVisits/criteria condition",
      "permissionSet/inspectors/fields/siteVisit/status fieldPermission",
      "template/visitDone/body template",
    ]);
  });

  it("finds nothing for a field nobody uses", () => {
    expect(refs([siteVisit], "visitDate")).toEqual([]);
  });
});
