import { describe, expect, it } from "vitest";
import type { ApprovalStep } from "../../../metadata/src/kinds/approval-process.js";
import {
  ApprovalProcessSchema,
  checkApprovalProcess,
  expressionsOfApprovalProcess,
} from "../../../metadata/src/kinds/approval-process.js";
import { anApprovalProcess, aTemplate } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

const step = (overrides: Partial<ApprovalStep> = {}): ApprovalStep => ({
  name: "review",
  label: { en: "Review" },
  approvers: [{ type: "submitterManager" }],
  decision: "firstResponse",
  onReject: "final",
  ...overrides,
});

describe("approvalProcess schema", () => {
  it("accepts the sample process", () => {
    expect(refusedAt(ApprovalProcessSchema, anApprovalProcess())).toEqual([]);
  });

  it("refuses a process without steps", () => {
    expect(refusedAt(ApprovalProcessSchema, { ...anApprovalProcess(), steps: [] })).toEqual(["/steps"]);
  });

  it("refuses a step without approvers", () => {
    const steps = [step({ approvers: [] })];
    expect(refusedAt(ApprovalProcessSchema, { ...anApprovalProcess(), steps })).toEqual([
      "/steps/0/approvers",
    ]);
  });

  it("refuses a decision other than firstResponse or unanimous", () => {
    const steps = [{ ...step(), decision: "majority" }];
    expect(refusedAt(ApprovalProcessSchema, { ...anApprovalProcess(), steps })).toContain(
      "/steps/0/decision",
    );
  });

  it("refuses a webhook that is not http(s)", () => {
    const actions = { onSubmit: [{ type: "webhook", url: "ftp://erp.example.com/hook" }] };
    expect(refusedAt(ApprovalProcessSchema, { ...anApprovalProcess(), actions })).toContain(
      "/actions/onSubmit/0/url",
    );
  });

  it("refuses a webhook URL carrying credentials", () => {
    const actions = { onSubmit: [{ type: "webhook", url: "https://user:secret@erp.example.com/hook" }] };
    expect(refusedAt(ApprovalProcessSchema, { ...anApprovalProcess(), actions })).toContain(
      "/actions/onSubmit/0/url",
    );
  });

  it("refuses an action list for an event that does not exist", () => {
    const actions = { onEscalate: [] };
    expect(refusedAt(ApprovalProcessSchema, { ...anApprovalProcess(), actions })).toEqual([
      "/actions/onEscalate",
    ]);
  });

  it("refuses a negative priority", () => {
    expect(refusedAt(ApprovalProcessSchema, { ...anApprovalProcess(), priority: -1 })).toEqual(["/priority"]);
  });
});

describe("approvalProcess checks", () => {
  it("accepts the sample process", () => {
    expect(checkApprovalProcess(anApprovalProcess(), sampleContext())).toEqual([]);
  });

  it("reports an unknown object and skips the checks of its fields", () => {
    expect(findings(checkApprovalProcess(anApprovalProcess({ object: "payment" }), sampleContext()))).toEqual(
      [{ code: "approvalProcess.unknownObject", path: "/object" }],
    );
  });

  it("reports a step with no approvers even when only the semantic check runs", () => {
    const process = anApprovalProcess({ steps: [step(), step({ name: "final", approvers: [] })] });
    expect(findings(checkApprovalProcess(process, sampleContext()))).toEqual([
      { code: "approvalProcess.noApprovers", path: "/steps/1/approvers" },
    ]);
  });

  it("reports two steps with the same name", () => {
    const process = anApprovalProcess({ steps: [step(), step()] });
    expect(findings(checkApprovalProcess(process, sampleContext()))).toEqual([
      { code: "approvalProcess.duplicateStep", path: "/steps/1/name" },
    ]);
  });

  it("reports a first step that would go back to a previous step", () => {
    const process = anApprovalProcess({ steps: [step({ onReject: "previousStep" })] });
    expect(findings(checkApprovalProcess(process, sampleContext()))).toEqual([
      { code: "approvalProcess.noPreviousStep", path: "/steps/0/onReject" },
    ]);
  });

  it("reports approver roles that do not exist", () => {
    const process = anApprovalProcess({ steps: [step({ approvers: [{ type: "role", role: "cfo" }] })] });
    expect(findings(checkApprovalProcess(process, sampleContext()))).toEqual([
      { code: "approvalProcess.unknownRole", path: "/steps/0/approvers/0/role" },
    ]);
  });

  it("accepts user fields, lookups to user and ownerId as approver fields", () => {
    const approvers = ["approver", "manager", "ownerId"].map((field) => ({ type: "field" as const, field }));
    const process = anApprovalProcess({ steps: [step({ approvers })] });
    expect(checkApprovalProcess(process, sampleContext())).toEqual([]);
  });

  it("reports approver fields that do not exist or do not hold a user", () => {
    const approvers = [
      { type: "field" as const, field: "reviewer" },
      { type: "field" as const, field: "account" },
    ];
    const process = anApprovalProcess({ steps: [step({ approvers })] });
    expect(findings(checkApprovalProcess(process, sampleContext()))).toEqual([
      { code: "approvalProcess.unknownField", path: "/steps/0/approvers/0/field" },
      { code: "approvalProcess.invalidApproverField", path: "/steps/0/approvers/1/field" },
    ]);
  });

  it("reports field updates of unknown fields and of fields the system fills in", () => {
    const process = anApprovalProcess({
      actions: {
        onFinalApprove: [
          { type: "fieldUpdate", field: "approvedOn", value: null },
          { type: "fieldUpdate", field: "number", value: "X" },
          { type: "fieldUpdate", field: "ownerId", value: "bob" },
        ],
      },
    });
    expect(findings(checkApprovalProcess(process, sampleContext()))).toEqual([
      { code: "approvalProcess.unknownField", path: "/actions/onFinalApprove/0/field" },
      { code: "approvalProcess.readOnlyField", path: "/actions/onFinalApprove/1/field" },
      { code: "approvalProcess.readOnlyField", path: "/actions/onFinalApprove/2/field" },
    ]);
  });

  it("reports notifications from unknown, print or other objects' templates", () => {
    const ctx = sampleContext(aTemplate({ name: "accountEmail", object: "account" }));
    const process = anApprovalProcess({
      actions: {
        onFinalReject: [
          { type: "notify", template: "rejected", to: [{ type: "owner" }] },
          { type: "notify", template: "invoicePrint", to: [{ type: "owner" }] },
          { type: "notify", template: "accountEmail", to: [{ type: "owner" }] },
        ],
      },
    });
    expect(findings(checkApprovalProcess(process, ctx))).toEqual([
      { code: "approvalProcess.unknownTemplate", path: "/actions/onFinalReject/0/template" },
      { code: "approvalProcess.wrongTemplate", path: "/actions/onFinalReject/1/template" },
      { code: "approvalProcess.wrongTemplate", path: "/actions/onFinalReject/2/template" },
    ]);
  });

  it("reports recipients naming unknown roles or fields, or fields without a user or e-mail", () => {
    const process = anApprovalProcess({
      actions: {
        onSubmit: [
          {
            type: "notify",
            template: "invoiceEmail",
            to: [
              { type: "role", role: "cfo" },
              { type: "field", field: "billingEmail" },
              { type: "field", field: "amount" },
              { type: "field", field: "manager" },
              { type: "email", address: "ap@example.com" },
            ],
          },
        ],
      },
    });
    expect(findings(checkApprovalProcess(process, sampleContext()))).toEqual([
      { code: "approvalProcess.unknownRole", path: "/actions/onSubmit/0/to/0/role" },
      { code: "approvalProcess.unknownField", path: "/actions/onSubmit/0/to/1/field" },
      { code: "approvalProcess.invalidRecipient", path: "/actions/onSubmit/0/to/2/field" },
    ]);
  });

  it("reports a webhook to a disguised address and an unknown webhook template", () => {
    const process = anApprovalProcess({
      actions: { onSubmit: [{ type: "webhook", url: "https://0x7f000001/hook", template: "payload" }] },
    });
    expect(findings(checkApprovalProcess(process, sampleContext()))).toEqual([
      { code: "approvalProcess.unsafeWebhook", path: "/actions/onSubmit/0/url" },
      { code: "approvalProcess.unknownTemplate", path: "/actions/onSubmit/0/template" },
    ]);
  });

  it("reports a literal field-update value the field refuses, not a computed one", () => {
    const process = anApprovalProcess({
      actions: {
        onSubmit: [
          { type: "fieldUpdate", field: "approvedAmount", value: "lots" },
          { type: "fieldUpdate", field: "approvedAmount", value: { expression: { var: "amount" } } },
          { type: "fieldUpdate", field: "approvedAmount", value: 12.5 },
        ],
      },
    });
    expect(findings(checkApprovalProcess(process, sampleContext()))).toEqual([
      { code: "approvalProcess.invalidValue", path: "/actions/onSubmit/0/value" },
    ]);
  });

  it("reports recall actions when recall is not allowed", () => {
    const process = anApprovalProcess({ allowRecall: false });
    expect(findings(checkApprovalProcess(process, sampleContext()))).toEqual([
      { code: "approvalProcess.recallDisabled", path: "/actions/onRecall" },
    ]);
  });

  it("reports a second active process of the same object and priority on the later name only", () => {
    const first = anApprovalProcess({ name: "alpha" });
    const second = anApprovalProcess({ name: "beta" });
    const inactive = anApprovalProcess({ name: "gamma", active: false });
    const ctx = sampleContext(first, second, inactive);
    expect(findings(checkApprovalProcess(first, ctx))).toEqual([]);
    expect(findings(checkApprovalProcess(second, ctx))).toEqual([
      { code: "approvalProcess.duplicatePriority", path: "/priority" },
    ]);
    expect(findings(checkApprovalProcess(inactive, ctx))).toEqual([]);
  });
});

describe("approvalProcess expressions", () => {
  it("lists entry criteria and computed field-update values as rules on the process's object", () => {
    expect(expressionsOfApprovalProcess(anApprovalProcess())).toEqual([
      {
        path: "/entryCriteria",
        expression: { ">": [{ var: "amount" }, 1000] },
        object: "invoice",
        mode: "rule",
      },
      {
        path: "/steps/1/entryCriteria",
        expression: { ">": [{ var: "amount" }, 50000] },
        object: "invoice",
        mode: "rule",
      },
      {
        path: "/actions/onFinalApprove/0/value/expression",
        expression: { var: "amount" },
        object: "invoice",
        mode: "rule",
      },
    ]);
  });
});
