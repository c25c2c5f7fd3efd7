import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  approval,
  buildDiscountOrg,
  type DiscountOrg,
  eventually,
  newQuote,
} from "../approvals/discount-fixture.js";
import { type Json, mailingProcess, type OutboxEmail, outboxFor, reviewMail } from "./email-fixture.js";
import { type SmtpReceiver, startSmtpReceiver } from "./smtp-receiver.js";

/** MAX_EMAIL_ATTEMPTS of engine/src/jobs/run-email.ts. */
const ATTEMPTS = 5;

let smtp: SmtpReceiver;
let org: DiscountOrg;

beforeAll(async () => {
  smtp = await startSmtpReceiver("Mailbox temporarily unavailable");
  org = await buildDiscountOrg([reviewMail], mailingProcess(), {
    config: { smtp: { host: "127.0.0.1", port: smtp.port, secure: false, from: "crm@example.com" } },
  });
}, 60_000);
afterAll(async () => {
  await org?.close();
  await smtp?.close();
});

describe("the e-mail outbox with an SMTP server that refuses", () => {
  it("keeps e-mails queued with the error while attempts grow, then marks them failed", async () => {
    const id = await newQuote(org.rep.client, 20, "Refused");
    expect((await approval(org.rep.client, id, "submit")).status).toBe(200);

    // Every state the outbox goes through, as seen by polling while the worker retries.
    const seen: OutboxEmail[] = [];
    const emails = await eventually(
      async () => {
        const found = await outboxFor(org.admin, id);
        seen.push(...found);
        return found;
      },
      (found) => found.length === 2 && found.every((e) => e.status === "failed"),
      30_000,
    );
    const retrying = seen.filter((e) => e.status === "queued" && e.attempts > 0);
    expect(retrying.length).toBeGreaterThan(0);
    for (const email of retrying) {
      expect(email.attempts).toBeLessThan(ATTEMPTS);
      expect(email.lastError).toContain("Mailbox temporarily unavailable");
      expect(email.sentAt).toBeUndefined();
    }
    for (const to of ["desk@example.com", "fin@demo.example.com"]) {
      const attempts = seen.filter((e) => e.to === to).map((e) => e.attempts);
      expect(attempts, to).toEqual([...attempts].sort((a, b) => a - b));
    }
    for (const email of emails) {
      expect(email).toMatchObject({
        status: "failed",
        attempts: ATTEMPTS,
        lastError: expect.stringContaining("Mailbox"),
      });
      expect(email.sentAt).toBeUndefined();
    }

    // Given up: no further attempt reaches the server.
    await eventually(
      () => Promise.resolve(smtp.attempts()),
      (n) => n >= 2 * ATTEMPTS,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.attempts()).toBe(2 * ATTEMPTS);
    expect(smtp.messages).toEqual([]);
    expect((await outboxFor(org.admin, id)).map((e) => e.status)).toEqual(["failed", "failed"]);

    const log = await org.admin.get<{ entries: Json[] }>("/api/v1/automation/log?kind=email&limit=200");
    expect(log.body.entries.filter((e) => e.status === "failed")).toHaveLength(2);
    expect(log.body.entries.filter((e) => e.status === "retry")).toHaveLength(2 * (ATTEMPTS - 1));
  });
});
