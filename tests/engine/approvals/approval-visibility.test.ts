import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.js";
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

// Quotes are private: finance and the outsider (a peer sales rep) cannot read the rep's quotes;
// the manager and director can, through the role hierarchy.
// Internal quotes go to the manager alone.
const process = simpleProcess(
  "financeCheck",
  [
    step("check", [
      { type: "role", role: "finance" },
      { type: "user", user: "mgr" },
    ]),
  ],
  { entryCriteria: { "!=": [{ var: "billingName" }, "internal"] } },
);
const internal = simpleProcess("managerOnly", [step("manager", [{ type: "user", user: "mgr" }])], {
  priority: 2,
});

let org: DiscountOrg;
beforeAll(async () => {
  org = await buildDiscountOrg([internal], process);
}, 60_000);
afterAll(async () => org?.close());

const pendingQuote = async (): Promise<string> => {
  const id = await newQuote(org.rep.client, 12, "Private deal");
  const submitted = await approval(org.rep.client, id, "submit");
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return id;
};

/** What an outsider must not change: the record and its pending request. */
const snapshot = async (id: string) => {
  const view = (await approvalView(org.admin, id)).body;
  return {
    version: (await readBack(org.admin, id)).version,
    approvers: view.approvers,
    history: view.history,
  };
};

const missing = "01HZZZZZZZZZZZZZZZZZZZZZZZ";

describe("who sees and decides an approval request", () => {
  it("lets an approver who cannot read the record find it in their inbox and approve it", async () => {
    const id = await pendingQuote();
    expectProblem(await org.finance.client.get(`/api/v1/records/quote/${id}`), 404);
    const inbox = await org.finance.client.get<{ items: Json[] }>("/api/v1/approvals/inbox");
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({
        object: "quote",
        recordId: id,
        recordName: "Private deal",
        step: expect.objectContaining({ name: "check" }),
      }),
    );
    const approved = await approval(org.finance.client, id, "approve", { comment: "Budget ok" });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", canApprove: false });
    expect((await approvalView(org.admin, id)).body.status).toBe("approved");
    expect(await inboxIds(org.finance.client)).not.toContain(id);
    expect(await inboxIds(org.manager.client)).not.toContain(id);
    expectProblem(await org.finance.client.get(`/api/v1/records/quote/${id}`), 404);
  });

  it("needs read access to the record for GET .../approval, even for an approver", async () => {
    const id = await pendingQuote();
    const hidden = expectProblem(await approvalView(org.finance.client, id), 404);
    const absent = expectProblem(await approvalView(org.finance.client, missing), 404);
    expect(hidden.code).toBe(absent.code);
    expect((await approvalView(org.manager.client, id)).status).toBe(200);
  });

  it("answers 404, not 403, to a user who neither reads nor decides the record, and changes nothing", async () => {
    const id = await pendingQuote();
    const before = await snapshot(id);
    const absent = expectProblem(await approval(org.outsider.client, missing, "approve"), 404);
    for (const command of ["approve", "reject", "recall"]) {
      const refused = expectProblem(
        await approval(org.outsider.client, id, command, { comment: "sneaky" }),
        404,
      );
      expect(refused.code).toBe(absent.code);
      expect(JSON.stringify(refused)).not.toContain("Private deal");
    }
    expectProblem(await approvalView(org.outsider.client, id), 404);
    // Not even a bad body tells them the record exists.
    expectProblem(await approval(org.outsider.client, id, "approve", { comment: 1, extra: true }), 404);
    expect(await snapshot(id)).toEqual(before);
    expect((await approvalView(org.admin, id)).body.status).toBe("pending");
  });

  it("answers 404 to a non-reader who decided an earlier request but not the current one", async () => {
    const id = await pendingQuote();
    expect((await approval(org.finance.client, id, "approve")).body).toMatchObject({ status: "approved" });
    const record = await readBack(org.admin, id);
    const changed = await org.rep.client.patch(
      `/api/v1/records/quote/${id}`,
      { billingName: "internal" },
      Number(record.version),
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const again = await approval(org.rep.client, id, "submit");
    expect(again.body).toMatchObject({ status: "pending", process: { name: "managerOnly" } });
    const before = await snapshot(id);
    const absent = expectProblem(await approval(org.finance.client, missing, "approve"), 404);
    for (const command of ["approve", "reject"]) {
      expect(expectProblem(await approval(org.finance.client, id, command), 404).code).toBe(absent.code);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it("tells each user whether they may approve or recall", async () => {
    const id = await pendingQuote();
    const flags = async (client: ApiClient) => {
      const view = await approvalView(client, id);
      expect(view.status, JSON.stringify(view.body)).toBe(200);
      return { canApprove: view.body.canApprove, canRecall: view.body.canRecall };
    };
    expect(await flags(org.rep.client)).toEqual({ canApprove: false, canRecall: true });
    expect(await flags(org.manager.client)).toEqual({ canApprove: true, canRecall: false });
    expect(await flags(org.director.client)).toEqual({ canApprove: false, canRecall: false });
    expect(await flags(org.admin)).toEqual({ canApprove: false, canRecall: true });

    await approval(org.manager.client, id, "approve");
    expect(await flags(org.manager.client)).toEqual({ canApprove: false, canRecall: false });
    expect(await flags(org.rep.client)).toEqual({ canApprove: false, canRecall: false });
  });

  it("lets an administrator recall someone else's request, as canRecall says", async () => {
    const id = await pendingQuote();
    const recalled = await approval(org.admin, id, "recall", { comment: "Wrong process" });
    expect(recalled.status, JSON.stringify(recalled.body)).toBe(200);
    expect(recalled.body).toMatchObject({ status: "recalled", locked: false, canRecall: false });
    expect(await inboxIds(org.finance.client)).not.toContain(id);
  });
});
