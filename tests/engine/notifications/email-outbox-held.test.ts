import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  approval,
  buildDiscountOrg,
  type DiscountOrg,
  eventually,
  newQuote,
} from "../approvals/discount-fixture.js";
import { expectProblem } from "../support/problem-assertions.js";
import { type Json, mailingProcess, outboxFor, reviewMail } from "./email-fixture.js";

let org: DiscountOrg;
let id: string;
const NAME = `Tom & <Jerry> "Co"`;

beforeAll(async () => {
  org = await buildDiscountOrg([reviewMail], mailingProcess());
  id = await newQuote(org.rep.client, 20, NAME);
  const submitted = await approval(org.rep.client, id, "submit");
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
}, 60_000);
afterAll(async () => org?.close());

describe("the e-mail outbox without SMTP", () => {
  it("holds one e-mail per recipient, with the record's values HTML-escaped in the body", async () => {
    const emails = await eventually(
      () => outboxFor(org.admin, id),
      (found) => found.length >= 2,
    );
    expect(emails.map((e) => e.to).sort()).toEqual(["desk@example.com", "fin@demo.example.com"]);
    for (const email of emails) {
      expect(email).toMatchObject({
        status: "held",
        attempts: 0,
        subject: `Review ${NAME}`,
        html: "<p>Please review <b>Tom &amp; &lt;Jerry&gt; &quot;Co&quot;</b> at 20%.</p>",
        text: expect.stringContaining(`Please review ${NAME} at 20%.`),
        source: expect.objectContaining({
          kind: "approval",
          name: "mailOnSubmit",
          object: "quote",
          recordId: id,
        }),
      });
      expect(email.sentAt).toBeUndefined();
    }
    expect(await outboxFor(org.admin, id, "?status=held")).toHaveLength(2);
    expect(await outboxFor(org.admin, id, "?status=queued")).toEqual([]);
  });

  it("keeps the e-mails held: no delivery job is scheduled", async () => {
    await eventually(
      () => outboxFor(org.admin, id),
      (found) => found.length >= 2,
    );
    const jobs = await org.admin.get<{ jobs: Json[] }>("/api/v1/automation/jobs?kind=email");
    expect(jobs.status, JSON.stringify(jobs.body)).toBe(200);
    expect(jobs.body.jobs).toEqual([]);
    expect((await outboxFor(org.admin, id)).map((e) => e.status)).toEqual(["held", "held"]);
  });

  it("also tells the user recipient in the app, with the subject as title", async () => {
    const told = await eventually(
      () => org.finance.client.get<{ notifications: Json[] }>("/api/v1/notifications"),
      (r) => r.body.notifications.some((n) => n.recordId === id),
    );
    expect(told.body.notifications).toContainEqual(
      expect.objectContaining({ recordId: id, title: `Review ${NAME}` }),
    );
  });

  it("is for administrators only: 403 problems for other users on the outbox, log and jobs", async () => {
    for (const client of [org.rep.client, org.manager.client, org.finance.client]) {
      for (const path of ["/outbox", "/log", "/jobs"]) {
        expectProblem(await client.get(`/api/v1/automation${path}`), 403);
      }
    }
    expectProblem(await org.t.anonymous().get("/api/v1/automation/outbox"), 401);
  });

  it("answers 400 to an unknown status filter", async () => {
    const refused = expectProblem(await org.admin.get("/api/v1/automation/outbox?status=lost"), 400);
    expect(refused.errors.map((e) => e.path)).toContain("/status");
  });
});
