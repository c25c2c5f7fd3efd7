import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { number, text, user } from "../../metadata/builders.js";
import { create, createUser } from "../../security/support/org-admin.js";
import { permissionSet } from "../../security/support/security-documents.js";
import type { ApiClient } from "../support/api-client.js";
import { anObject } from "../support/object-builder.js";
import { expectProblem } from "../support/problem-assertions.js";
import {
  approval,
  approvalOn,
  approvalView,
  buildDiscountOrg,
  type DiscountOrg,
  inboxIds,
  readBack,
  simpleProcess,
  step,
} from "./discount-fixture.js";

type Json = Record<string, unknown>;

// Quotes are routed to one process per approver kind by their billing name.
const routed = (name: string, priority: number, approvers: Parameters<typeof step>[1]) =>
  simpleProcess(name, [step("decide", approvers)], {
    priority,
    entryCriteria: { "==": [{ var: "billingName" }, name] },
  });

const expense = anObject("expense").withField(text("name"), number("amount"), user("reviewer")).build();
const expenseFields = {
  name: { read: true, edit: true },
  amount: { read: true, edit: true },
  reviewer: { read: true, edit: true },
};

let org: DiscountOrg;
let leaver: string;
beforeAll(async () => {
  org = await buildDiscountOrg(
    [
      expense,
      permissionSet("expenseWork", {
        objects: { expense: { create: true, read: true, edit: true, delete: true } },
        fields: { expense: expenseFields },
      }),
      routed("byUser", 10, [{ type: "user", user: "fin" }]),
      routed("byGroup", 11, [{ type: "group", group: "auditors" }]),
      routed("byManager", 12, [{ type: "submitterManager" }]),
      routed("byEmptyGroup", 13, [{ type: "group", group: "nobodyHere" }]),
      routed("byLeaver", 14, [{ type: "user", user: "leaver" }]),
      simpleProcess("expenseReview", [step("reviewer", [{ type: "field", field: "reviewer" }])], {
        object: "expense",
      }),
    ],
    simpleProcess("unused", [step("never", [{ type: "user", user: "admin" }])], {
      active: false,
      priority: 99,
    }),
  );
  const auditors = await create(org.admin, "group", { name: "auditors", label: "Auditors" });
  await create(org.admin, "groupMember", { group: auditors, member: org.finance.id });
  await create(org.admin, "groupMember", { group: auditors, member: org.outsider.id });
  await create(org.admin, "group", { name: "nobodyHere", label: "Empty" });
  leaver = (await createUser(org.admin, "demo", { username: "leaver" })).id;
  for (const assignee of [org.rep.id, org.director.id])
    await create(org.admin, "permissionSetAssignment", { assignee, permissionSet: "expenseWork" });
}, 60_000);
afterAll(async () => org?.close());

const quoteFor = (client: ApiClient, billingName: string) =>
  create(client, "quote", { name: `For ${billingName}`, billingName, discount: 5 });

const submitAs = async (client: ApiClient, id: string, object = "quote"): Promise<Json> => {
  const submitted = await approvalOn(client, object, id, "submit");
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body;
};

const approverIds = (view: Json) => ((view.approvers as Json[]) ?? []).map((a) => a.id).sort();

/** Submitting answers 422 approval.noApprovers; the record, its approval state and inboxes stay as they were. */
const expectNoApprovers = async (client: ApiClient, id: string, object = "quote") => {
  const before = await readBack(org.admin, id, object);
  const refused = await approvalOn(client, object, id, "submit");
  expect(expectProblem(refused, 422).errors).toContainEqual(
    expect.objectContaining({ code: "approval.noApprovers" }),
  );
  const after = await readBack(org.admin, id, object);
  expect(after.version).toBe(before.version);
  expect((await approvalView(org.admin, id, object)).body).toMatchObject({ status: "none", locked: false });
  const edit = await client.patch(
    `/api/v1/records/${object}/${id}`,
    { name: "still editable" },
    Number(after.version),
  );
  expect(edit.status, JSON.stringify(edit.body)).toBe(200);
};

describe("approvers of a step", () => {
  it("a named user decides, and only they get the work item", async () => {
    const id = await quoteFor(org.rep.client, "byUser");
    const view = await submitAs(org.rep.client, id);
    expect(view).toMatchObject({
      process: { name: "byUser" },
      approvers: [{ id: org.finance.id, name: "fin" }],
    });
    expect(await inboxIds(org.finance.client)).toContain(id);
    expect(await inboxIds(org.manager.client)).not.toContain(id);
    expect((await approval(org.finance.client, id, "approve")).body).toMatchObject({ status: "approved" });
  });

  it("every member of a group decides; on a first-response step one of them settles it", async () => {
    const id = await quoteFor(org.rep.client, "byGroup");
    const view = await submitAs(org.rep.client, id);
    expect(approverIds(view)).toEqual([org.finance.id, org.outsider.id].sort());
    expect(await inboxIds(org.outsider.client)).toContain(id);
    expect(await inboxIds(org.finance.client)).toContain(id);
    expect((await approval(org.outsider.client, id, "approve")).body).toMatchObject({ status: "approved" });
    expect(await inboxIds(org.finance.client)).not.toContain(id);
  });

  it("the submitter's manager decides", async () => {
    const id = await quoteFor(org.rep.client, "byManager");
    const view = await submitAs(org.rep.client, id);
    expect(view.approvers).toEqual([{ id: org.manager.id, name: "mgr", decision: null }]);
    expect(await inboxIds(org.manager.client)).toContain(id);
  });

  it("the user named in a user field of the record decides", async () => {
    const id = await create(org.rep.client, "expense", {
      name: "Flight",
      amount: 900,
      reviewer: org.director.id,
    });
    const view = await submitAs(org.rep.client, id, "expense");
    expect(view).toMatchObject({ process: { name: "expenseReview" }, approvers: [{ id: org.director.id }] });
    expect(await inboxIds(org.director.client)).toContain(id);
    const decided = await approvalOn(org.director.client, "expense", id, "approve");
    expect(decided.body).toMatchObject({ status: "approved" });
  });
});

describe("an approver without permission on the object", () => {
  it("finds the request in the inbox and can decide it, yet still cannot read the record", async () => {
    const id = await create(org.rep.client, "expense", {
      name: "Hotel",
      amount: 400,
      reviewer: org.finance.id,
    });
    expectProblem(await org.finance.client.get(`/api/v1/records/expense/${id}`), 404);
    await submitAs(org.rep.client, id, "expense");
    expect(await inboxIds(org.finance.client)).toContain(id);
    const decided = await approvalOn(org.finance.client, "expense", id, "reject", { comment: "Too dear" });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect((await approvalView(org.admin, id, "expense")).body.status).toBe("rejected");
    expectProblem(await org.finance.client.get(`/api/v1/records/expense/${id}`), 404);
    expectProblem(await approvalView(org.finance.client, id, "expense"), 404);
  });

  it("is refused like anyone else (404) when not asked to decide", async () => {
    const id = await create(org.rep.client, "expense", {
      name: "Meal",
      amount: 40,
      reviewer: org.director.id,
    });
    await submitAs(org.rep.client, id, "expense");
    const before = await readBack(org.admin, id, "expense");
    expectProblem(await approvalOn(org.finance.client, "expense", id, "approve"), 404);
    expect(await readBack(org.admin, id, "expense")).toEqual(before);
  });
});

describe("a step nobody can decide", () => {
  it("refuses the submission of a group without members", async () => {
    await expectNoApprovers(org.rep.client, await quoteFor(org.rep.client, "byEmptyGroup"));
  });

  it("refuses the submission of a submitter without a manager", async () => {
    const id = await quoteFor(org.outsider.client, "byManager");
    await expectNoApprovers(org.outsider.client, id);
    expect(await inboxIds(org.manager.client)).not.toContain(id);
  });

  it("refuses the submission of a record whose approver field is empty", async () => {
    const id = await create(org.rep.client, "expense", { name: "Taxi", amount: 30 });
    await expectNoApprovers(org.rep.client, id, "expense");
  });

  it("refuses the submission when the named approver is inactive", async () => {
    const whileActive = await quoteFor(org.rep.client, "byLeaver");
    expect((await submitAs(org.rep.client, whileActive)).approvers).toEqual([
      expect.objectContaining({ id: leaver }),
    ]);
    const before = await readBack(org.admin, leaver, "user");
    const off = await org.admin.patch(
      `/api/v1/records/user/${leaver}`,
      { active: false },
      Number(before.version),
    );
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    await expectNoApprovers(org.rep.client, await quoteFor(org.rep.client, "byLeaver"));
  });
});
