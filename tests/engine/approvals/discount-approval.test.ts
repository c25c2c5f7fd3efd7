import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approval, buildDiscountOrg, type DiscountOrg, eventually, newQuote } from "./discount-fixture.js";

type Json = Record<string, unknown>;

let org: DiscountOrg;
beforeAll(async () => {
  org = await buildDiscountOrg();
}, 60_000);
afterAll(async () => org?.close());

const quote = async (id: string) => (await org.admin.get<Json>(`/api/v1/records/quote/${id}`)).body;
const inbox = async (client = org.manager.client) =>
  (await client.get<{ items: Json[] }>("/api/v1/approvals/inbox")).body.items;

describe("the discount scenario, end to end through the API", () => {
  it("runs a 30% quote through manager and director, then tells finance", async () => {
    const id = await newQuote(org.rep.client, 30);
    const submitted = await approval(org.rep.client, id, "submit", { comment: "Strategic customer" });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({
      status: "pending",
      locked: true,
      currentStep: { name: "manager" },
    });
    expect((await quote(id)).status).toBe("inReview");

    const items = await inbox();
    expect(items).toContainEqual(
      expect.objectContaining({
        recordId: id,
        recordName: "Q 30%",
        submittedBy: { id: org.rep.id, name: "rep" },
      }),
    );
    expect(await inbox(org.director.client)).not.toContainEqual(expect.objectContaining({ recordId: id }));

    const byManager = await approval(org.manager.client, id, "approve", { comment: "OK from me" });
    expect(byManager.status, JSON.stringify(byManager.body)).toBe(200);
    expect(byManager.body).toMatchObject({ status: "pending", currentStep: { name: "director" } });
    expect(await inbox()).not.toContainEqual(expect.objectContaining({ recordId: id }));
    expect(await inbox(org.director.client)).toContainEqual(expect.objectContaining({ recordId: id }));

    const byDirector = await approval(org.director.client, id, "approve");
    expect(byDirector.status, JSON.stringify(byDirector.body)).toBe(200);
    expect(byDirector.body).toMatchObject({ status: "approved", locked: false });
    expect((await quote(id)).status).toBe("approved");

    const told = await eventually(
      () => org.finance.client.get<{ notifications: Json[]; unread: number }>("/api/v1/notifications"),
      (r) => r.body.notifications.some((n) => n.recordId === id),
    );
    expect(told.body.notifications).toContainEqual(
      expect.objectContaining({
        recordId: id,
        title: "Quote Q 30% approved",
        body: "Discount 30% approved.",
      }),
    );
    const repTold = await eventually(
      () => org.rep.client.get<{ notifications: Json[] }>("/api/v1/notifications"),
      (r) => r.body.notifications.some((n) => n.recordId === id),
    );
    expect(repTold.body.notifications.some((n) => n.recordId === id)).toBe(true);

    const history = (await org.rep.client.get<{ history: Json[] }>(`/api/v1/records/quote/${id}/approval`))
      .body.history;
    expect(history.map((h) => h.action).reverse()).toEqual([
      "submitted",
      "stepStarted",
      "approved",
      "stepStarted",
      "approved",
      "finalApproved",
    ]);
    expect(history).toContainEqual(
      expect.objectContaining({
        action: "approved",
        step: "manager",
        comment: "OK from me",
        actor: { id: org.manager.id, name: "mgr" },
      }),
    );
  });

  it("skips the director step for a 15% quote", async () => {
    const id = await newQuote(org.rep.client, 15);
    expect((await approval(org.rep.client, id, "submit")).status).toBe(200);
    const decided = await approval(org.manager.client, id, "approve");
    expect(decided.body).toMatchObject({ status: "approved" });
    const actions = (decided.body.history as Json[]).map((h) => h.action);
    expect(actions).toContain("stepSkipped");
  });

  it("refuses to submit a quote no process accepts (5%) with 422, changing nothing", async () => {
    const id = await newQuote(org.rep.client, 5);
    const refused = await approval(org.rep.client, id, "submit");
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect((await quote(id)).version).toBe(1);
  });

  it("locks the pending record: 423 for the submitter, editable by its approver", async () => {
    const id = await newQuote(org.rep.client, 20);
    await approval(org.rep.client, id, "submit");
    const version = Number((await quote(id)).version);
    const locked = await org.rep.client.patch(`/api/v1/records/quote/${id}`, { name: "changed" }, version);
    expect(locked.status).toBe(423);
    expect((await quote(id)).name).toBe("Q 20%");
    const deleting = await org.rep.client.delete(`/api/v1/records/quote/${id}`);
    expect(deleting.status).toBe(423);
    const byApprover = await org.manager.client.patch(
      `/api/v1/records/quote/${id}`,
      { description: "checked" },
      version,
    );
    expect(byApprover.status, JSON.stringify(byApprover.body)).toBe(200);
  });

  it("answers 403 to a user who is not a current approver and 409 to a second decision", async () => {
    const id = await newQuote(org.rep.client, 20);
    await approval(org.rep.client, id, "submit");
    const stranger = await approval(org.outsider.client, id, "approve");
    expect([403, 404]).toContain(stranger.status);
    const director = await approval(org.director.client, id, "approve");
    expect(director.status).toBe(403);
    expect((await approval(org.manager.client, id, "approve")).status).toBe(200);
    const again = await approval(org.manager.client, id, "reject");
    expect(again.status).toBe(409);
    expect((await quote(id)).status).toBe("approved");
  });

  it("sends a rejection at the director back to the manager, then a manager rejection is final", async () => {
    const id = await newQuote(org.rep.client, 40);
    await approval(org.rep.client, id, "submit");
    await approval(org.manager.client, id, "approve");
    const back = await approval(org.director.client, id, "reject", { comment: "Too deep" });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({ status: "pending", currentStep: { name: "manager" } });
    expect(await inbox()).toContainEqual(expect.objectContaining({ recordId: id }));
    const final = await approval(org.manager.client, id, "reject", { comment: "Agreed, no" });
    expect(final.body).toMatchObject({ status: "rejected", locked: false });
    expect((await quote(id)).status).toBe("rejected");
  });

  it("lets the submitter recall a pending request, unlocking the record", async () => {
    const id = await newQuote(org.rep.client, 20);
    await approval(org.rep.client, id, "submit");
    expect((await approval(org.manager.client, id, "recall")).status).toBe(403);
    const recalled = await approval(org.rep.client, id, "recall", { comment: "Wrong price" });
    expect(recalled.body).toMatchObject({ status: "recalled", locked: false });
    expect((await quote(id)).status).toBe("draft");
    expect(await inbox()).not.toContainEqual(expect.objectContaining({ recordId: id }));
    expect((await approval(org.manager.client, id, "approve")).status).toBe(409);
  });

  it("lets exactly one of two concurrent decisions on a first-response step win", async () => {
    const id = await newQuote(org.rep.client, 30);
    await approval(org.rep.client, id, "submit");
    await approval(org.manager.client, id, "approve");
    const [a, b] = await Promise.all([
      approval(org.director.client, id, "approve"),
      approval(org.director2.client, id, "reject"),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const decisions = (
      await org.admin.get<{ history: Json[] }>(`/api/v1/records/quote/${id}/approval`)
    ).body.history.filter(
      (h) => h.step === "director" && (h.action === "approved" || h.action === "rejected"),
    );
    expect(decisions).toHaveLength(1);
  });
});
