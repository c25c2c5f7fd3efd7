import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  approval,
  buildDiscountOrg,
  type DiscountOrg,
  eventually,
  newQuote,
} from "../approvals/discount-fixture.js";
import { mailingProcess, outboxFor, reviewMail } from "./email-fixture.js";
import { type SmtpReceiver, startSmtpReceiver } from "./smtp-receiver.js";

let smtp: SmtpReceiver;
let org: DiscountOrg;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  org = await buildDiscountOrg([reviewMail], mailingProcess(), {
    config: { smtp: { host: "127.0.0.1", port: smtp.port, secure: false, from: "crm@example.com" } },
  });
}, 60_000);
afterAll(async () => {
  await org?.close();
  await smtp?.close();
});

describe("the e-mail outbox with SMTP", () => {
  it("delivers each e-mail once to the SMTP server and marks it sent", async () => {
    const id = await newQuote(org.rep.client, 20, "Crane & hoist");
    expect((await approval(org.rep.client, id, "submit")).status).toBe(200);

    const emails = await eventually(
      () => outboxFor(org.admin, id),
      (found) => found.length === 2 && found.every((e) => e.status === "sent"),
      15_000,
    );
    expect(emails.map((e) => e.to).sort()).toEqual(["desk@example.com", "fin@demo.example.com"]);
    for (const email of emails) {
      expect(email).toMatchObject({ status: "sent", attempts: 1, sentAt: expect.any(String) });
      expect(email.lastError).toBeUndefined();
      expect(Date.parse(email.sentAt ?? "")).toBeGreaterThanOrEqual(Date.parse(email.at));
    }

    // A late duplicate delivery would show up here within a few poll intervals of the worker.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages.map((m) => m.to).sort()).toEqual([["desk@example.com"], ["fin@demo.example.com"]]);
    expect(smtp.attempts()).toBe(2);
    for (const email of emails) {
      const received = smtp.messages.filter((m) =>
        m.raw.toLowerCase().includes(`x-tessera-email-id: ${email.id}`.toLowerCase()),
      );
      expect(received).toHaveLength(1);
      expect(received[0]?.from).toBe("crm@example.com");
      expect(received[0]?.to).toEqual([email.to]);
      expect(received[0]?.raw).toContain("Subject: Review Crane & hoist");
      expect(received[0]?.raw).toContain("<p>Please review <b>Crane &amp; hoist</b> at 20%.</p>");
    }
    expect(await outboxFor(org.admin, id, "?status=sent")).toHaveLength(2);
  });
});
