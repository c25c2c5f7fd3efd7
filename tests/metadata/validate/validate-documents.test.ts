import { describe, expect, it } from "vitest";
import type { FieldDefinition } from "../../../metadata/src/fields/registry.js";
import type { ApprovalStep } from "../../../metadata/src/kinds/approval-process.js";
import type { ObjectDefinition } from "../../../metadata/src/kinds/object.js";
import { standardObject, standardObjects } from "../../../metadata/src/standard/standard-objects.js";
import { validateDocumentSet, validateDocuments } from "../../../metadata/src/validate/validate-documents.js";
import * as field from "../builders.js";
import { aLayout, aListView, anApprovalProcess, anObject, aPermissionSet, aRole } from "../kinds/builders.js";
import { account } from "../kinds/context.js";

/** `invoice` with name (/fields/0), amount (/fields/1), status (/fields/2), then `extra` from /fields/3. */
const invoiceWith = (...extra: FieldDefinition[]): ObjectDefinition =>
  [field.text("name"), field.currency("amount"), field.text("status"), ...extra]
    .reduce((builder, f) => builder.withField(f), anObject("invoice"))
    .build();

const invoice = invoiceWith();

/** An invoice whose fields are given as raw JSON (for shapes the types cannot express). */
const invoiceWithRaw = (...extra: unknown[]): unknown => ({
  ...invoice,
  fields: [...invoice.fields, ...extra],
});

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A sentence for a business admin: starts with a capital or a quoted name, ends with a full stop,
 * contains each of `fragments` (the names it must mention), and no leaked "undefined" or "[object".
 */
const sentenceWith = (...fragments: string[]) =>
  expect.stringMatching(
    new RegExp(
      `^(?=["A-Z])${fragments.map((f) => `(?=[^]*${escapeRegex(f)})`).join("")}(?![^]*(?:undefined|\\[object|NaN))[^]*\\.$`,
    ),
  );

const issue = (document: string, path: string, code: string, ...fragments: string[]) => ({
  document,
  path,
  code,
  message: sentenceWith(...fragments),
});

describe("validateDocuments: field definitions", () => {
  it("reports an unknown field type once, at its type, listing the types", () => {
    const doc = invoiceWithRaw({ name: "size", type: "texty", label: { en: "Size" } });
    expect(validateDocuments([account, doc])).toEqual([
      issue("object/invoice", "/fields/3/type", "field.unknownType", '"texty"', "text, textarea, richText"),
    ]);
  });

  it("reports a field name used twice, at the second one", () => {
    expect(validateDocuments([invoiceWith(field.text("status"))])).toEqual([
      issue("object/invoice", "/fields/3/name", "field.duplicateName", '"status"', "/fields/2"),
    ]);
  });

  it("reports a system field name", () => {
    expect(validateDocuments([invoiceWith(field.datetime("createdAt"))])).toEqual([
      issue("object/invoice", "/fields/3/name", "field.reservedName", '"createdAt"', "system field"),
    ]);
  });

  it("reports a name with a space, a name starting with a digit, and a reserved word", () => {
    const doc = invoiceWith(field.date("Close Date"), field.text("1st"), field.text("constructor"));
    expect(validateDocuments([doc])).toEqual([
      issue("object/invoice", "/fields/3/name", "field.badName", '"Close Date"', "closeDate"),
      issue("object/invoice", "/fields/4/name", "field.badName", '"1st"', "lower-case letter"),
      issue("object/invoice", "/fields/5/name", "field.badName", '"constructor"', "reserved word"),
    ]);
  });

  it("reports a picklist default that is not one of the options", () => {
    const stage = field.picklist("stage", {
      options: [field.option("open", "Open"), field.option("won", "Won")],
      default: "Open",
    });
    expect(validateDocuments([invoiceWith(stage)])).toEqual([
      issue("object/invoice", "/fields/3/default", "picklist.defaultNotInOptions", '"Open"', "options"),
    ]);
  });

  it("reports a picklist option value used twice, at the second option", () => {
    const stage = field.picklist("stage", {
      options: [field.option("open", "Open"), field.option("won", "Won"), field.option("open", "Reopened")],
    });
    expect(validateDocuments([invoiceWith(stage)])).toEqual([
      issue("object/invoice", "/fields/3/options/2/value", "picklist.duplicateValue", '"open"'),
    ]);
  });

  it("reports a lookup and a master-detail field referring to objects that do not exist", () => {
    const doc = invoiceWith(
      field.lookup("customer", { reference: "acount" }),
      field.masterDetail("parent", { reference: "ledger" }),
    );
    expect(validateDocuments([account, doc])).toEqual([
      issue("object/invoice", "/fields/3/reference", "field.unknownReference", '"customer"', '"acount"'),
      issue("object/invoice", "/fields/4/reference", "field.unknownReference", '"parent"', '"ledger"'),
    ]);
  });

  it("reports a sum roll-up without a summary field once", () => {
    const line = anObject("invoiceLine", "controlledByParent")
      .withField(field.text("name"))
      .withField(field.masterDetail("invoice", { reference: "invoice" }))
      .withField(field.number("quantity"))
      .build();
    const total = field.rollupSummary("total", {
      childObject: "invoiceLine",
      relationshipField: "invoice",
      operation: "sum",
    });
    expect(validateDocuments([invoiceWith(total), line])).toEqual([
      issue("object/invoice", "/fields/3/summaryField", "rollupSummary.summaryFieldRequired", "sum"),
    ]);
  });

  it("reports a misspelt setting of a field, at that setting", () => {
    const doc = invoiceWithRaw({ ...field.text("code"), requried: true });
    expect(validateDocuments([doc])).toEqual([
      issue("object/invoice", "/fields/3/requried", "schema.additionalProperties", '"requried"'),
    ]);
  });

  it("judges the other fields by their real positions and leaves the object's own checks until its fields are valid", () => {
    // A refused field is left out of the object other documents see; the object's own checks
    // would see shifted indexes ("/fields/4" for the duplicate at /fields/5), so they wait.
    const doc = invoiceWithRaw(
      { name: "size", type: "texty", label: { en: "Size" } },
      field.formula("gross", { returnType: "number", expression: { var: "size" } }),
      field.text("name"),
    );
    expect(validateDocuments([doc])).toEqual([
      issue("object/invoice", "/fields/3/type", "field.unknownType", '"texty"'),
    ]);
  });
});

describe("validateDocuments: expressions and formulas", () => {
  it("reports a formula reading an unknown field, at the var", () => {
    const gross = field.formula("gross", {
      returnType: "currency",
      expression: { "*": [{ var: "amont" }, 1.13] },
    });
    expect(validateDocuments([invoiceWith(gross)])).toEqual([
      issue("object/invoice", "/fields/3/expression/*/0/var", "rule.unknownField", '"amont"', '"invoice"'),
    ]);
  });

  it("reports a validation rule reading an unknown field, and showing its error on one", () => {
    const doc: ObjectDefinition = {
      ...invoice,
      validationRules: [
        {
          name: "needsStatus",
          errorWhen: { and: [{ ">": [{ var: "amount" }, 0] }, { "!": { var: "stauts" } }] },
          message: { en: "Set a status" },
          field: "stauts",
        },
      ],
    };
    expect(validateDocuments([doc])).toEqual([
      issue("object/invoice", "/validationRules/0/field", "validationRule.unknownField", '"stauts"'),
      issue("object/invoice", "/validationRules/0/errorWhen/and/1/!/var", "rule.unknownField", '"stauts"'),
    ]);
  });

  it("reports formulas reading each other, once, with the circle", () => {
    const doc = invoiceWith(
      field.formula("a", { returnType: "number", expression: { "+": [{ var: "b" }, 1] } }),
      field.formula("b", { returnType: "number", expression: { "+": [{ var: "a" }, 1] } }),
    );
    expect(validateDocuments([doc])).toEqual([
      issue("object/invoice", "/fields/3/expression", "formula.cycle", "a -> b -> a"),
    ]);
  });

  it("reports a true/false expression declared to return currency", () => {
    const doc = invoiceWith(
      field.formula("isLarge", { returnType: "currency", expression: { ">": [{ var: "amount" }, 1000] } }),
    );
    expect(validateDocuments([doc])).toEqual([
      issue(
        "object/invoice",
        "/fields/3/returnType",
        "formula.returnTypeMismatch",
        '"isLarge"',
        "currency",
        "true/false",
      ),
    ]);
  });

  it("accepts a formula whose type cannot be told without data", () => {
    const doc = invoiceWith(
      field.formula("pick", { returnType: "currency", expression: { if: [{ var: "status" }, 1, "x"] } }),
    );
    expect(validateDocuments([doc])).toEqual([]);
  });
});

describe("validateDocuments: layouts and list views", () => {
  const layoutPlacing = (...fields: string[]) =>
    aLayout({
      sections: [{ id: "main", label: { en: "Main" }, columns: 1, items: fields.map((f) => ({ field: f })) }],
      relatedLists: [],
      buttons: [],
    });

  it("reports a layout placing an unknown field", () => {
    expect(validateDocuments([invoice, layoutPlacing("name", "amont")])).toEqual([
      issue(
        "layout/invoiceLayout",
        "/sections/0/items/1/field",
        "layout.unknownField",
        '"amont"',
        '"invoice"',
      ),
    ]);
  });

  it("reports a layout placing the same field twice, at the second placement", () => {
    expect(validateDocuments([invoice, layoutPlacing("amount", "name", "amount")])).toEqual([
      issue("layout/invoiceLayout", "/sections/0/items/2/field", "layout.duplicateField", '"amount"'),
    ]);
  });

  it("reports a list view sorted by an unknown field", () => {
    const view = aListView({
      columns: ["name"],
      filter: undefined,
      sort: [{ field: "amont", direction: "asc" }],
    });
    expect(validateDocuments([invoice, view])).toEqual([
      issue("listView/openInvoices", "/sort/0/field", "listView.unknownField", '"amont"', '"invoice"'),
    ]);
  });

  it("reports a list view filtering on an unknown field, at the field in the filter", () => {
    const view = aListView({ columns: ["name"], filter: { "==": [{ var: "stauts" }, "sent"] } });
    expect(validateDocuments([invoice, view])).toEqual([
      issue("listView/openInvoices", "/filter/==/0", "filter.unknownField", '"stauts"'),
    ]);
  });

  it("reports a list view filter outside the storable subset", () => {
    const view = aListView({
      columns: ["name"],
      filter: { some: [{ var: "tags" }, { "==": [{ var: "" }, 1] }] },
    });
    expect(validateDocuments([invoice, view])).toEqual([
      issue("listView/openInvoices", "/filter", "filter.notAllowed", "`some` is not allowed"),
    ]);
  });
});

describe("validateDocuments: security and approvals", () => {
  it("reports a role hierarchy that loops, on each role of the loop", () => {
    expect(validateDocuments([aRole("ceo"), aRole("vp", "sales"), aRole("sales", "vp")])).toEqual([
      issue("role/vp", "/parent", "role.cycle", "vp -> sales -> vp"),
      issue("role/sales", "/parent", "role.cycle", "sales -> vp -> sales"),
    ]);
  });

  it("reports a permission set granting an unknown object and an unknown field", () => {
    const set = aPermissionSet({
      objects: { invoice: { read: true }, invoyce: { read: true } },
      fields: { invoice: { amont: { read: true } } },
      system: undefined,
    });
    expect(validateDocuments([invoice, set])).toEqual([
      issue("permissionSet/invoiceClerk", "/objects/invoyce", "permissionSet.unknownObject", '"invoyce"'),
      issue("permissionSet/invoiceClerk", "/fields/invoice/amont", "permissionSet.unknownField", '"amont"'),
    ]);
  });

  const oneStep = (approvers: unknown[]): unknown => {
    const process = anApprovalProcess({ entryCriteria: undefined, actions: undefined });
    const step: ApprovalStep | undefined = process.steps[0];
    return { ...process, steps: [{ ...step, approvers }] };
  };

  it("reports an approval step without approvers", () => {
    expect(validateDocuments([invoice, oneStep([])])).toEqual([
      issue("approvalProcess/discountApproval", "/steps/0/approvers", "schema.minItems", '"approvers"'),
    ]);
  });

  it("reports an approver of an unknown type once, with the allowed types", () => {
    expect(validateDocuments([invoice, oneStep([{ type: "boss" }])])).toEqual([
      issue(
        "approvalProcess/discountApproval",
        "/steps/0/approvers/0/type",
        "schema.enum",
        '"type"',
        '"user", "role", "group", "submitterManager", "field"',
      ),
    ]);
  });
});

describe("validateDocuments: documents", () => {
  it("reports an unknown kind", () => {
    expect(validateDocuments([{ kind: "widget", name: "chart" }])).toEqual([
      issue("?/chart", "/kind", "document.unknownKind", '"kind"', "object, layout, listView"),
    ]);
  });

  it("reports a document that is not an object, named by its position", () => {
    expect(validateDocuments([invoice, ["object"], "invoice"])).toEqual([
      issue("#1", "", "document.notAnObject", "JSON object"),
      issue("#2", "", "document.notAnObject", "JSON object"),
    ]);
  });

  it("reports a second document of the same kind and name", () => {
    expect(validateDocuments([invoice, invoiceWith(field.text("extra"))])).toEqual([
      issue("object/invoice", "/name", "document.duplicate", 'another object named "invoice"'),
    ]);
  });

  it("allows the same name in different kinds", () => {
    expect(validateDocuments([account, aRole("account")])).toEqual([]);
  });

  it("reports a missing label", () => {
    const { label: _label, ...unlabelled } = account;
    expect(validateDocuments([unlabelled])).toEqual([
      issue("object/account", "/label", "schema.required", '"label"', "required"),
    ]);
  });

  it("reports a document without a name by its kind and position", () => {
    const { name: _name, ...nameless } = aRole("ceo");
    expect(validateDocuments([account, nameless])).toEqual([
      issue("role/#1", "/name", "schema.required", '"name"'),
    ]);
  });

  it("reports a misspelt key of a document, at that key", () => {
    expect(validateDocuments([{ ...aRole("ceo"), parnet: "board" }])).toEqual([
      issue("role/ceo", "/parnet", "schema.additionalProperties", '"parnet"'),
    ]);
  });
});

describe("validateDocumentSet: a valid set", () => {
  const opportunity = standardObject("opportunity");
  if (opportunity === undefined) throw new Error("opportunity is a standard object");

  const documents = [
    ...standardObjects,
    aLayout({
      name: "opportunityLayout",
      object: "opportunity",
      default: true,
      sections: [
        {
          id: "main",
          label: { en: "Opportunity", "zh-CN": "商机" },
          columns: 2,
          items: [
            { field: "name" },
            { field: "account" },
            { field: "amount", requiredWhen: { "==": [{ var: "stage" }, "proposal"] } },
            { field: "stage" },
            { field: "closeDate" },
            { field: "lossReason", visibleWhen: { "==": [{ var: "stage" }, "closedLost"] } },
            { field: "expectedRevenue" },
            { field: "ownerId", readOnlyWhen: true },
          ],
        },
      ],
      relatedLists: [],
      buttons: [{ name: "submit", action: "submitForApproval" }],
    }),
    aListView({
      name: "myOpenOpportunities",
      object: "opportunity",
      columns: ["name", "account", "amount", "stage", "closeDate"],
      filter: { and: [{ "!=": [{ var: "stage" }, "closedWon"] }, { ">=": [{ var: "amount" }, 1000] }] },
      sort: [{ field: "closeDate", direction: "asc" }],
    }),
    aRole("ceo"),
    aRole("vp", "ceo"),
    aRole("sales", "vp"),
    aPermissionSet({
      name: "salesRep",
      objects: { opportunity: { create: true, read: true, edit: true }, account: { read: true } },
      fields: { opportunity: { amount: { read: true, edit: true }, stage: { read: true } } },
      system: { apiEnabled: true },
    }),
    anApprovalProcess({
      name: "largeDeal",
      object: "opportunity",
      entryCriteria: { ">": [{ var: "amount" }, 100000] },
      steps: [
        {
          name: "manager",
          label: { en: "Manager" },
          approvers: [{ type: "submitterManager" }],
          decision: "firstResponse",
          onReject: "final",
        },
        {
          name: "vp",
          label: { en: "VP" },
          approvers: [{ type: "role", role: "vp" }],
          decision: "unanimous",
          onReject: "previousStep",
        },
      ],
      actions: { onFinalApprove: [{ type: "fieldUpdate", field: "stage", value: "negotiation" }] },
    }),
  ];

  it("has no issues", () => {
    expect(validateDocuments(documents)).toEqual([]);
  });

  it("returns every document by kind/name", () => {
    const { documents: accepted } = validateDocumentSet(documents);
    expect([...accepted.keys()]).toEqual([
      ...standardObjects.map((o) => `object/${o.name}`),
      "layout/opportunityLayout",
      "listView/myOpenOpportunities",
      "role/ceo",
      "role/vp",
      "role/sales",
      "permissionSet/salesRep",
      "approvalProcess/largeDeal",
    ]);
    expect(accepted.get("object/opportunity")).toEqual(opportunity);
  });
});
