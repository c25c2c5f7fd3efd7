import type { Template } from "@tessera/metadata";
import { expect } from "vitest";
import {
  approval,
  buildDiscountOrg,
  type DiscountOrg,
  eventually,
  newQuote,
  simpleProcess,
  step,
} from "../approvals/discount-fixture.js";
import type { ApiClient } from "../support/api-client.js";

export type Json = Record<string, unknown>;

export interface NotificationPage {
  notifications: Json[];
  unread: number;
  nextCursor: string | null;
}

const pingTemplate: Template = {
  kind: "template",
  name: "ping",
  label: { en: "Ping" },
  object: "quote",
  purpose: "notification",
  subject: { en: "Ping {{record.name}}" },
  body: { en: "Please look at {{record.name}}." },
};

// Submitting a quote tells fin and mgr, one in-app notification each.
const pingProcess = simpleProcess("ping", [step("manager", [{ type: "submitterManager" }])], {
  actions: {
    onSubmit: [
      {
        type: "notify",
        template: "ping",
        to: [
          { type: "user", user: "fin" },
          { type: "user", user: "mgr" },
        ],
      },
    ],
  },
});

export const notificationsOf = async (client: ApiClient, query = ""): Promise<NotificationPage> => {
  const listed = await client.get<NotificationPage>(`/api/v1/notifications${query}`);
  expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  return listed.body;
};

/**
 * A discount org whose fin and mgr each got one notification per quote `names` (submitted in
 * this order, so the last one is the newest).
 */
export const buildPingedOrg = async (names: readonly string[]): Promise<DiscountOrg> => {
  const org = await buildDiscountOrg([pingTemplate], pingProcess);
  for (const name of names) {
    const id = await newQuote(org.rep.client, 20, name);
    const submitted = await approval(org.rep.client, id, "submit");
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    // Notification ids start with the submission's millisecond: keep the submissions apart.
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  for (const client of [org.finance.client, org.manager.client]) {
    const all = await eventually(
      () => notificationsOf(client, "?limit=200"),
      (page) => page.notifications.length >= names.length,
      10_000,
    );
    expect(all.notifications).toHaveLength(names.length);
  }
  return org;
};
