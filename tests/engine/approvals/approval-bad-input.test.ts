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
} from "./discount-fixture.js";

let org: DiscountOrg;
beforeAll(async () => {
  org = await buildDiscountOrg();
}, 60_000);
afterAll(async () => org?.close());

/** The record and its approval state, as the admin reads them back. */
const snapshot = async (id: string) => ({
  record: await readBack(org.admin, id),
  approval: (await approvalView(org.admin, id)).body,
});

const badBodies: Array<[string, unknown, string]> = [
  ["an unknown member", { comment: "ok", approved: true }, "/approved"],
  ["an unknown member whose name needs escaping", { "a/b~c": 1 }, "/a~1b~0c"],
  ["a comment longer than 4000 characters", { comment: "x".repeat(4001) }, "/comment"],
  ["a comment that is not text", { comment: 42 }, "/comment"],
  ["a step that is not a name", { step: ["manager"] }, "/step"],
  ["a body that is not an object", [{ comment: "hi" }], ""],
];

describe("bad approval requests", () => {
  it("answers 404 with a problem to an unknown command, changing nothing", async () => {
    const id = await newQuote(org.rep.client, 20);
    await approval(org.rep.client, id, "submit");
    const before = await snapshot(id);
    for (const command of ["escalate", "APPROVE", "submit%2Fapprove"]) {
      expectProblem(await approval(org.manager.client, id, command), 404);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it.each(badBodies)(
    "refuses a submission with %s (422 at its pointer), changing nothing",
    async (_, body, path) => {
      const id = await newQuote(org.rep.client, 20);
      const before = await snapshot(id);
      const refused = expectProblem(await approval(org.rep.client, id, "submit", body), 422);
      expect(refused.errors.map((e) => e.path)).toContain(path);
      expect(await snapshot(id)).toEqual(before);
      expect(before.approval.status).toBe("none");
      expect(await inboxIds(org.manager.client)).not.toContain(id);
    },
  );

  it.each(badBodies)(
    "refuses a decision with %s (422 at its pointer), changing nothing",
    async (_, body, path) => {
      const id = await newQuote(org.rep.client, 20);
      await approval(org.rep.client, id, "submit");
      const before = await snapshot(id);
      const refused = expectProblem(await approval(org.manager.client, id, "approve", body), 422);
      expect(refused.errors.map((e) => e.path)).toContain(path);
      expect(await snapshot(id)).toEqual(before);
      expect(await inboxIds(org.manager.client)).toContain(id);
    },
  );

  it("answers 409 to a decision meant for another step than the current one, changing nothing", async () => {
    const id = await newQuote(org.rep.client, 30);
    await approval(org.rep.client, id, "submit");
    const before = await snapshot(id);
    const stale = await approval(org.manager.client, id, "approve", { step: "director" });
    expect(expectProblem(stale, 409).code).toBe("approval.decided");
    expect(await snapshot(id)).toEqual(before);
    const meant = await approval(org.manager.client, id, "approve", { step: "manager" });
    expect(meant.body).toMatchObject({ status: "pending", currentStep: { name: "director" } });
  });

  it("accepts a comment of exactly 4000 characters", async () => {
    const id = await newQuote(org.rep.client, 20);
    const submitted = await approval(org.rep.client, id, "submit", { comment: "y".repeat(4000) });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });
});

describe("a record locked by a pending request", () => {
  const locked = async (): Promise<string> => {
    const id = await newQuote(org.rep.client, 20);
    expect((await approval(org.rep.client, id, "submit")).body.locked).toBe(true);
    return id;
  };
  const rename = async (client: ApiClient, id: string, name: string) =>
    client.patch(`/api/v1/records/quote/${id}`, { name }, Number((await readBack(org.admin, id)).version));

  it("refuses the submitter's edit and delete with 423, and keeps the record as it was", async () => {
    const id = await locked();
    const before = await readBack(org.admin, id);
    const edit = expectProblem(await rename(org.rep.client, id, "renamed"), 423);
    expect(edit.errors).toContainEqual(expect.objectContaining({ code: "record.locked" }));
    expectProblem(await org.rep.client.delete(`/api/v1/records/quote/${id}`, Number(before.version)), 423);
    expect(await readBack(org.admin, id)).toEqual(before);
  });

  it("lets an administrator (modify all data) edit it, leaving the request pending", async () => {
    const id = await locked();
    const edited = await rename(org.admin, id, "fixed by admin");
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await readBack(org.admin, id)).name).toBe("fixed by admin");
    expect((await approvalView(org.admin, id)).body).toMatchObject({ status: "pending", locked: true });
    expect(await inboxIds(org.manager.client)).toContain(id);
  });

  it("lets an administrator delete it, which takes it out of the approvers' inboxes", async () => {
    const id = await locked();
    expect(await inboxIds(org.manager.client)).toContain(id);
    const deleted = await org.admin.delete(`/api/v1/records/quote/${id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
    expect(await inboxIds(org.manager.client)).not.toContain(id);
  });
});
