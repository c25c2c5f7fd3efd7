import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../security/support/org-admin.js";
import { role } from "../../security/support/security-documents.js";
import type { ApiClient } from "../support/api-client.js";
import {
  type AutomationServer,
  automation,
  automationLog,
  createRecord,
  eventually,
  type Json,
  notificationsOf,
  startAutomationServer,
  template,
  updateRecord,
} from "./automation-fixture.js";

type User = { id: string; client: ApiClient };

let s: AutomationServer;
let rep: User;
let coach: User;
let director: User;
let finance: User;
let outsider: User;

const wonTemplate = template(
  "dealWon",
  "notification",
  "opportunity",
  "Deal {{record.name}} won",
  "Stage {{display.stage}}, owned by {{owner.name}}.",
);
const wonMail = template(
  "dealWonMail",
  "email",
  "opportunity",
  "Invoice {{record.name}}",
  "<p>Please invoice <b>{{record.name}}</b>.</p>",
);
const dealWon = automation(
  "dealWonNotice",
  "opportunity",
  { type: "fieldChange", field: "stage", to: "closedWon" },
  [
    {
      type: "notify",
      template: "dealWon",
      to: [{ type: "owner" }, { type: "user", user: "coach" }, { type: "role", role: "salesDirector" }],
    },
    {
      type: "notify",
      template: "dealWonMail",
      to: [
        { type: "role", role: "finance" },
        { type: "email", address: "Billing@Example.com" },
      ],
    },
  ],
);

beforeAll(async () => {
  s = await startAutomationServer([role("salesDirector"), role("finance"), wonTemplate, wonMail, dealWon]);
  rep = await createUser(s.admin, "demo", { username: "rep" });
  coach = await createUser(s.admin, "demo", { username: "coach" });
  director = await createUser(s.admin, "demo", { username: "director", role: "salesDirector" });
  finance = await createUser(s.admin, "demo", { username: "fin", role: "finance" });
  outsider = await createUser(s.admin, "demo", { username: "outsider" });
}, 60_000);
afterAll(async () => s?.close());

const newDeal = async (name: string): Promise<string> => {
  const account = await createRecord(rep.client, "account", { name: `${name} account` });
  const deal = await createRecord(rep.client, "opportunity", {
    name,
    account: account.id,
    stage: "negotiation",
    amount: 1000,
    closeDate: "2027-01-31",
  });
  return String(deal.id);
};
const about = (id: string) => async (client: ApiClient) =>
  (await notificationsOf(client)).filter((n) => n.recordId === id);

interface Email {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  status: string;
  source?: Json;
}

const heldEmails = async (id: string): Promise<Email[]> => {
  const page = await s.admin.get<{ emails: Email[] }>("/api/v1/automation/outbox?status=held&limit=200");
  expect(page.status).toBe(200);
  return page.body.emails.filter((e) => e.source?.recordId === id);
};

describe("notify from a notification template", () => {
  it("tells the owner, a named user and a role, rendered from the template", async () => {
    const id = await newDeal("Harbour cranes");
    await updateRecord(rep.client, "opportunity", id, { stage: "closedWon" });
    const expected = {
      object: "opportunity",
      recordId: id,
      title: "Deal Harbour cranes won",
      body: "Stage Closed Won, owned by rep.",
    };
    for (const user of [rep, coach, director]) {
      const mine = await eventually(
        () => about(id)(user.client),
        (found) => found.length > 0,
      );
      expect(mine).toEqual([expect.objectContaining(expected)]);
    }
    expect(await about(id)(outsider.client)).toEqual([]);
    const log = await automationLog(s.admin, id);
    expect(log).toContainEqual(
      expect.objectContaining({ kind: "notification", name: "dealWonNotice", status: "ok" }),
    );
  });

  it("does not notify when the field changes to another value", async () => {
    const id = await newDeal("Lost cause");
    await updateRecord(rep.client, "opportunity", id, { stage: "closedLost", lossReason: "price" });
    await updateRecord(rep.client, "opportunity", id, { description: "settled" });
    expect(await automationLog(s.admin, id)).toEqual([]);
    expect(await about(id)(rep.client)).toEqual([]);
  });
});

describe("notify from an email template without SMTP", () => {
  it("holds one e-mail per recipient in the outbox, and tells users in the app too", async () => {
    const id = await newDeal("Rail bridge");
    await updateRecord(rep.client, "opportunity", id, { stage: "closedWon" });
    const emails = await eventually(
      () => heldEmails(id),
      (found) => found.length >= 2,
    );
    expect(emails.map((e) => e.to).sort()).toEqual(["billing@example.com", "fin@demo.example.com"]);
    for (const email of emails) {
      expect(email).toMatchObject({
        status: "held",
        subject: "Invoice Rail bridge",
        html: "<p>Please invoice <b>Rail bridge</b>.</p>",
        text: expect.stringContaining("Please invoice Rail bridge"),
        source: expect.objectContaining({ kind: "automation", name: "dealWonNotice", object: "opportunity" }),
      });
    }
    const queued = await s.admin.get<{ emails: Email[] }>("/api/v1/automation/outbox?status=queued");
    expect(queued.body.emails.filter((e) => e.source?.recordId === id)).toEqual([]);
    const finNotes = await eventually(
      () => about(id)(finance.client),
      (found) => found.length > 0,
    );
    expect(finNotes).toEqual([expect.objectContaining({ title: "Invoice Rail bridge" })]);
  });
});
