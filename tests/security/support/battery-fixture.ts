import { createHash } from "node:crypto";
import { expect } from "vitest";
import type { ApiClient } from "../../engine/support/api-client.js";
import { invoiceLineObject, invoiceObject } from "../../engine/support/invoice-objects.js";
import { startTestServer, type TestServer } from "../../engine/support/test-server.js";
import { create, createUser, filterQuery, PASSWORD, publish } from "./org-admin.js";
import { permissionSet } from "./security-documents.js";
import type { SnapshotProbes } from "./tenant-snapshot.js";

type Json = Record<string, unknown>;

/** Invoice fields the system computes: readable by the clerk, never writable by anyone. */
export const COMPUTED_INVOICE_FIELDS = ["number", "gross", "linesTotal", "lineCount"] as const;
/** The invoice field hidden from the clerk (no field permission at all). */
export const HIDDEN_INVOICE_FIELD = "notes";

export interface BatteryFixture {
  t: TestServer;
  admin: ApiClient;
  /** A standard user ("standardUser" profile) with the invoiceClerk permission set. */
  clerk: ApiClient;
  clerkId: string;
  adminId: string;
  /** The invoice every write case aims at: owned by the clerk, with a hidden note the admin wrote. */
  invoiceId: string;
  /** An account the admin owns: private, so the clerk cannot see it. */
  adminAccountId: string;
  clerkAccountId: string;
  /** `nextCursor` of `?sort=title&limit=1` (as the admin). */
  titleCursor: string;
  /** Tokens of the demo tenant that must open nothing. */
  expiredToken: string;
  revokedToken: string;
  probes: SnapshotProbes;
}

const clerkGrants = () => {
  const names = invoiceObject().fields.map((f) => f.name);
  const computed = new Set<string>(COMPUTED_INVOICE_FIELDS);
  return permissionSet("invoiceClerk", {
    objects: { invoice: { create: true, read: true, edit: true, delete: true } },
    fields: {
      invoice: Object.fromEntries(
        names
          .filter((name) => name !== HIDDEN_INVOICE_FIELD)
          .map((name) => [name, computed.has(name) ? { read: true } : { read: true, edit: true }]),
      ),
    },
  });
};

/**
 * A server with the invoice objects (every field type), a clerk who works with invoices but cannot
 * see `notes` nor the admin's accounts, three invoices, a list cursor and dead tokens.
 */
export const buildBatteryFixture = async (): Promise<BatteryFixture> => {
  const t = await startTestServer();
  const admin = t.admin;
  await publish(admin, [invoiceObject(), invoiceLineObject(), clerkGrants()]);
  const clerk = await createUser(admin, "demo", { username: "clerk", permissionSets: ["invoiceClerk"] });
  const admins = await admin.get<{ records: Json[] }>(
    `/api/v1/records/user?${filterQuery({ "==": [{ var: "username" }, "admin"] })}`,
  );
  const adminId = String(admins.body.records[0]?.id);

  const adminAccountId = await create(admin, "account", { name: "Admin-only account" });
  const clerkAccountId = await create(clerk.client, "account", { name: "Clerk account" });
  const invoiceId = await create(clerk.client, "invoice", {
    title: "Battery target",
    amount: 100,
    quantity: 2,
    discount: 10,
    status: "draft",
    tags: ["vip"],
    account: clerkAccountId,
    dueDate: "2027-03-31",
  });
  const noted = await admin.patch(`/api/v1/records/invoice/${invoiceId}`, { notes: "hidden note" }, 1);
  expect(noted.status, JSON.stringify(noted.body)).toBe(200);
  await create(clerk.client, "invoice", { title: "Second invoice", amount: 5 });
  await create(clerk.client, "invoice", { title: "Third invoice", amount: 7 });
  const page = await admin.get<{ nextCursor: string | null }>("/api/v1/records/invoice?sort=title&limit=1");
  expect(page.body.nextCursor).toEqual(expect.any(String));

  const expiredToken = `demo.${"E".repeat(43)}`;
  const store = await t.server.store.tenant("demo");
  await store.createSession({
    tokenHash: createHash("sha256").update(expiredToken).digest("hex"),
    userId: adminId,
    createdAt: "2020-01-01T00:00:00.000Z",
    expiresAt: "2020-01-01T12:00:00.000Z",
  });
  const leaving = t.anonymous();
  expect((await leaving.login("demo", "clerk", PASSWORD)).status).toBe(200);
  expect((await leaving.post("/api/v1/auth/logout", {})).status).toBe(204);

  return {
    t,
    admin,
    clerk: clerk.client,
    clerkId: clerk.id,
    adminId,
    invoiceId,
    adminAccountId,
    clerkAccountId,
    titleCursor: String(page.body.nextCursor),
    expiredToken,
    revokedToken: String(leaving.token),
    probes: {
      records: [
        { object: "invoice", id: invoiceId },
        { object: "account", id: adminAccountId },
        { object: "user", id: adminId },
        { object: "user", id: clerk.id },
      ],
      counts: [
        "invoice",
        "invoiceLine",
        "account",
        "user",
        "permissionSetAssignment",
        "group",
        "recordShare",
      ],
      drafts: [
        { kind: "object", name: "invoice" },
        { kind: "permissionSet", name: "invoiceClerk" },
        { kind: "profile", name: "standardUser" },
      ],
    },
  };
};
