import type { ApprovalProcess, Template } from "@tessera/metadata";
import { expect } from "vitest";
import { simpleProcess, step } from "../approvals/discount-fixture.js";
import type { ApiClient } from "../support/api-client.js";

export type Json = Record<string, unknown>;

export interface OutboxEmail {
  id: string;
  at: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  status: string;
  attempts: number;
  lastError?: string;
  sentAt?: string;
  source?: Json;
}

export const reviewMail: Template = {
  kind: "template",
  name: "reviewMail",
  label: { en: "Review mail" },
  object: "quote",
  purpose: "email",
  subject: { en: "Review {{record.name}}" },
  body: { en: "<p>Please review <b>{{record.name}}</b> at {{display.discount}}.</p>" },
};

/** Submitting a quote e-mails fin (a user with an address) and a plain address. */
export const mailingProcess = (): ApprovalProcess =>
  simpleProcess("mailOnSubmit", [step("manager", [{ type: "submitterManager" }])], {
    actions: {
      onSubmit: [
        {
          type: "notify",
          template: "reviewMail",
          to: [
            { type: "user", user: "fin" },
            { type: "email", address: "Desk@Example.com" },
          ],
        },
      ],
    },
  });

/** The outbox e-mails about record `id`, as the admin reads them. */
export const outboxFor = async (
  admin: ApiClient,
  id: string,
  query = "?limit=200",
): Promise<OutboxEmail[]> => {
  const page = await admin.get<{ emails: OutboxEmail[] }>(`/api/v1/automation/outbox${query}`);
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  return page.body.emails.filter((e) => e.source?.recordId === id);
};
