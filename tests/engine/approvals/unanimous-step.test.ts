import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../support/problem-assertions.js";
import {
  approval,
  approvalView,
  buildDiscountOrg,
  type DiscountOrg,
  inboxIds,
  newQuote,
  readBack,
  simpleProcess,
  step,
} from "./discount-fixture.js";

type Json = Record<string, unknown>;

// Both sales directors (dir, dir2) must approve; a quote above 10% enters the process.
const unanimous = simpleProcess(
  "directorsAgree",
  [step("directors", [{ type: "role", role: "salesDirector" }], "unanimous")],
  {
    entryCriteria: { ">": [{ var: "discount" }, 10] },
    actions: {
      onFinalApprove: [{ type: "fieldUpdate", field: "status", value: "approved" }],
      onFinalReject: [{ type: "fieldUpdate", field: "status", value: "rejected" }],
    },
  },
);

let org: DiscountOrg;
beforeAll(async () => {
  org = await buildDiscountOrg([], unanimous);
}, 60_000);
afterAll(async () => org?.close());

const submitted = async (): Promise<string> => {
  const id = await newQuote(org.rep.client, 20);
  const submit = await approval(org.rep.client, id, "submit");
  expect(submit.status, JSON.stringify(submit.body)).toBe(200);
  expect(submit.body.approvers).toEqual([
    expect.objectContaining({ id: expect.any(String), decision: null }),
    expect.objectContaining({ id: expect.any(String), decision: null }),
  ]);
  return id;
};

describe("a unanimous step", () => {
  it("stays pending after the first approval and leaves only the other approver's work item", async () => {
    const id = await submitted();
    expect(await inboxIds(org.director.client)).toContain(id);
    expect(await inboxIds(org.director2.client)).toContain(id);

    const first = await approval(org.director.client, id, "approve", { comment: "Fine by me" });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: "pending", locked: true, currentStep: { name: "directors" } });
    expect(first.body.approvers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: org.director.id, decision: "approve" }),
        expect.objectContaining({ id: org.director2.id, decision: null }),
      ]),
    );
    expect(first.body.canApprove).toBe(false);
    expect((await approvalView(org.director2.client, id)).body.canApprove).toBe(true);
    expect(await inboxIds(org.director.client)).not.toContain(id);
    expect(await inboxIds(org.director2.client)).toContain(id);
    expect((await readBack(org.admin, id)).status).toBe("draft");
  });

  it("keeps the other approver's work item waiting since the step started", async () => {
    const id = await submitted();
    const sinceOf = async () => {
      const inbox = await org.director2.client.get<{ items: Json[] }>("/api/v1/approvals/inbox");
      return inbox.body.items.find((item) => item.recordId === id)?.since;
    };
    const before = await sinceOf();
    expect(before).toEqual(expect.any(String));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await approval(org.director.client, id, "approve")).status).toBe(200);
    expect(await sinceOf()).toBe(before);
  });

  it("settles concurrent approvals of both approvers as one approved request", async () => {
    const id = await submitted();
    const [a, b] = await Promise.all([
      approval(org.director.client, id, "approve"),
      approval(org.director2.client, id, "approve"),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const view = await approvalView(org.admin, id);
    expect(view.body.status).toBe("approved");
    const approvals = (view.body.history as Json[]).filter((h) => h.action === "approved");
    expect(approvals.map((h) => (h.actor as Json).id).sort()).toEqual(
      [org.director.id, org.director2.id].sort(),
    );
    expect((await readBack(org.admin, id)).status).toBe("approved");
  });

  it("is approved by the second approval, which empties every inbox", async () => {
    const id = await submitted();
    await approval(org.director2.client, id, "approve");
    const second = await approval(org.director.client, id, "approve");
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body).toMatchObject({ status: "approved", locked: false });
    expect((await readBack(org.admin, id)).status).toBe("approved");
    expect(await inboxIds(org.director.client)).not.toContain(id);
    expect(await inboxIds(org.director2.client)).not.toContain(id);
    const actions = ((second.body.history as Json[]) ?? []).map((h) => h.action).reverse();
    expect(actions).toEqual(["submitted", "stepStarted", "approved", "approved", "finalApproved"]);
  });

  it("is rejected by one rejection after an approval, and the other approver cannot decide any more", async () => {
    const id = await submitted();
    await approval(org.director.client, id, "approve");
    const rejected = await approval(org.director2.client, id, "reject", { comment: "Too much" });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toMatchObject({ status: "rejected", locked: false });
    expect((await readBack(org.admin, id)).status).toBe("rejected");
    expect(await inboxIds(org.director2.client)).not.toContain(id);
    const late = await approval(org.director.client, id, "approve");
    expect(expectProblem(late, 409).code).toBe("approval.decided");
    expect((await approvalView(org.admin, id)).body.status).toBe("rejected");
  });

  it("is rejected by a first rejection without waiting for the other approver", async () => {
    const id = await submitted();
    const rejected = await approval(org.director.client, id, "reject");
    expect(rejected.body).toMatchObject({ status: "rejected" });
    expect((await readBack(org.admin, id)).status).toBe("rejected");
    expect(await inboxIds(org.director2.client)).not.toContain(id);
  });
});
