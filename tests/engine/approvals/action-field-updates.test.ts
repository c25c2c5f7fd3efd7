import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create } from "../../security/support/org-admin.js";
import { expectProblem } from "../support/problem-assertions.js";
import {
  approval,
  approvalView,
  buildDiscountOrg,
  type DiscountOrg,
  inboxIds,
  readBack,
  simpleProcess,
  step,
} from "./discount-fixture.js";

const managerStep = [step("manager", [{ type: "submitterManager" }])];
const routedBy = (billingName: string, priority: number) => ({
  priority,
  entryCriteria: { "==": [{ var: "billingName" }, billingName] },
});

// "bogus" is no option of quote.status (computed, so only running the action can tell; a literal
// "bogus" is refused when the process is saved); "presented" without an expiration date breaks the
// quote's validation rule presentedNeedsExpiration.
const processes = [
  simpleProcess("unknownOption", managerStep, {
    ...routedBy("unknownOption", 1),
    actions: {
      onFinalApprove: [
        { type: "fieldUpdate", field: "status", value: { expression: { cat: ["bo", "gus"] } } },
      ],
    },
  }),
  simpleProcess("ruleOnSubmit", managerStep, {
    ...routedBy("ruleOnSubmit", 2),
    actions: { onSubmit: [{ type: "fieldUpdate", field: "status", value: "presented" }] },
  }),
  simpleProcess("ruleOnReject", managerStep, {
    ...routedBy("ruleOnReject", 3),
    actions: { onFinalReject: [{ type: "fieldUpdate", field: "status", value: "presented" }] },
  }),
];

let org: DiscountOrg;
beforeAll(async () => {
  const [first, ...rest] = processes;
  org = await buildDiscountOrg(rest, first);
}, 60_000);
afterAll(async () => org?.close());

const quoteRoutedTo = (billingName: string) =>
  create(org.rep.client, "quote", { name: billingName, billingName, discount: 20, status: "draft" });

const snapshot = async (id: string) => ({
  record: await readBack(org.admin, id),
  approval: (await approvalView(org.admin, id)).body,
});

describe("field updates of approval actions", () => {
  it("refuse a process whose literal field update the field does not accept, when it is saved", async () => {
    const process = simpleProcess("literalBogus", managerStep, {
      ...routedBy("literalBogus", 9),
      actions: { onFinalApprove: [{ type: "fieldUpdate", field: "status", value: "bogus" }] },
    });
    const refused = expectProblem(
      await org.admin.put("/api/v1/metadata/draft/approvalProcess/literalBogus", process),
      422,
    );
    expect(refused.errors).toContainEqual(
      expect.objectContaining({
        path: "/actions/onFinalApprove/0/value",
        code: "approvalProcess.invalidValue",
      }),
    );
    expect((await org.admin.get("/api/v1/metadata/draft/approvalProcess/literalBogus")).status).toBe(404);
  });

  it("fail an approval that would set a picklist value the field does not have: 422, still pending", async () => {
    const id = await quoteRoutedTo("unknownOption");
    expect((await approval(org.rep.client, id, "submit")).status).toBe(200);
    const before = await snapshot(id);
    const refused = expectProblem(await approval(org.manager.client, id, "approve"), 422);
    expect(refused.errors).toContainEqual(expect.objectContaining({ path: "/status" }));
    expect(await snapshot(id)).toEqual(before);
    expect(before.approval).toMatchObject({ status: "pending", canApprove: false });
    expect(await inboxIds(org.manager.client)).toContain(id);
    // The decision was not taken: the approver may still reject.
    expect((await approval(org.manager.client, id, "reject")).body).toMatchObject({ status: "rejected" });
  });

  it("fail a submission whose field update breaks a validation rule: 422, nothing submitted", async () => {
    const id = await quoteRoutedTo("ruleOnSubmit");
    const before = await snapshot(id);
    const refused = expectProblem(await approval(org.rep.client, id, "submit"), 422);
    expect(refused.errors).toContainEqual(expect.objectContaining({ path: "/expirationDate" }));
    expect(await snapshot(id)).toEqual(before);
    expect(before.approval.status).toBe("none");
    expect(await inboxIds(org.manager.client)).not.toContain(id);
  });

  it("fail a rejection whose field update breaks a validation rule: 422, still pending", async () => {
    const id = await quoteRoutedTo("ruleOnReject");
    await approval(org.rep.client, id, "submit");
    const before = await snapshot(id);
    expectProblem(await approval(org.manager.client, id, "reject", { comment: "no" }), 422);
    expect(await snapshot(id)).toEqual(before);
    expect((await readBack(org.admin, id)).status).toBe("draft");
  });
});
