import type { DuplicateRule, ObjectDefinition, Profile } from "@tessera/metadata";
import { expect } from "vitest";
import {
  currency,
  email,
  lookup,
  masterDetail,
  phone,
  rollupSummary,
  text,
} from "../../metadata/builders.js";
import { type ApiClient, type ApiResponse, apiClient } from "../support/api-client.js";
import { anObject } from "../support/object-builder.js";
import type { TestServer } from "../support/test-server.js";

export type Json = Record<string, unknown>;

/** A vendor (private sharing) with its contacts (master-detail, counted) and purchase orders (restricting lookup). */
export const vendorObjects = (): ObjectDefinition[] => [
  anObject("vendor")
    .withField(
      text("name", { required: true }),
      email("email"),
      phone("phone"),
      text("taxId"),
      text("city"),
      rollupSummary("contactCount", {
        childObject: "vendorContact",
        relationshipField: "vendor",
        operation: "count",
      }),
    )
    .named("name")
    .build(),
  anObject("vendorContact")
    .withField(
      text("name", { required: true }),
      masterDetail("vendor", { reference: "vendor", relationshipName: "contacts" }),
    )
    .sharedAs("controlledByParent")
    .build(),
  anObject("purchaseOrder")
    .withField(
      text("title", { required: true }),
      lookup("vendor", { reference: "vendor", relationshipName: "orders", onDelete: "restrict" }),
      currency("amount"),
    )
    .build(),
];

const rule = (
  name: string,
  action: "alert" | "block",
  conditions: DuplicateRule["conditions"],
  active = true,
): DuplicateRule => ({
  kind: "duplicateRule",
  name,
  label: { en: name, "zh-CN": `规则 ${name}` },
  object: "vendor",
  action,
  ...(active ? {} : { active: false }),
  conditions,
});

/** Alert on a similar name or the same phone; refuse the same tax id; an inactive rule on the city. */
export const vendorRules = (): DuplicateRule[] => [
  rule("vendorName", "alert", [
    { field: "name", normalizer: "companyName", match: "fuzzy", threshold: 0.92 },
  ]),
  rule("vendorPhone", "alert", [{ field: "phone", match: "exact" }]),
  rule("vendorTaxId", "block", [{ field: "taxId", normalizer: "text", match: "exact" }]),
  rule("vendorCity", "alert", [{ field: "city", match: "exact" }], false),
];

const everyField = (fields: readonly string[], except: readonly string[] = []) =>
  Object.fromEntries(fields.filter((f) => !except.includes(f)).map((f) => [f, { read: true, edit: true }]));

const VENDOR_FIELDS = ["name", "email", "phone", "taxId", "city", "contactCount"];

const profile = (name: string, vendorDelete: boolean, hidden: readonly string[]): Profile => ({
  kind: "profile",
  name,
  label: { en: name },
  objects: {
    vendor: { create: true, read: true, edit: true, delete: vendorDelete },
    vendorContact: { create: true, read: true, edit: true, delete: true },
    purchaseOrder: { create: true, read: true, edit: true, delete: true },
    user: { read: true },
  },
  fields: {
    vendor: everyField(VENDOR_FIELDS, hidden),
    vendorContact: everyField(["name", "vendor"]),
    purchaseOrder: everyField(["title", "vendor", "amount"]),
    user: { name: { read: true } },
  },
  system: { apiEnabled: true },
});

/** buyer: works with vendors (deletes too). clerk: may not delete vendors, nor read their phone. */
export const vendorProfiles = (): Profile[] => [
  profile("vendorBuyer", true, []),
  profile("vendorClerk", false, ["phone"]),
];

export const expectStatus = <T>(response: ApiResponse<T>, status: number): ApiResponse<T> => {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return response;
};

const put = async (t: TestServer, kind: string, doc: { name: string }) =>
  expectStatus(await t.admin.put(`/api/v1/metadata/draft/${kind}/${doc.name}`, doc), 200);

export interface VendorWorld {
  t: TestServer;
  admin: ApiClient;
  buyer: ApiClient;
  clerk: ApiClient;
  buyerId: string;
  clerkId: string;
}

const signIn = async (t: TestServer, username: string, profileName: string) => {
  const password = `${username}-password-2026`;
  const created = expectStatus(
    await t.admin.post<{ id: string }>("/api/v1/users", {
      username,
      name: username,
      email: `${username}@example.com`,
      profile: profileName,
      password,
    }),
    201,
  );
  const client = apiClient(t.server.url);
  expect((await client.login("demo", username, password)).status).toBe(200);
  return { id: created.body.id, client };
};

/** Publishes the vendor objects, their duplicate rules and profiles, and signs in a buyer and a clerk. */
export const buildVendorWorld = async (t: TestServer, rules = vendorRules()): Promise<VendorWorld> => {
  for (const object of vendorObjects()) await put(t, "object", object);
  for (const r of rules) await put(t, "duplicateRule", r);
  for (const p of vendorProfiles()) await put(t, "profile", p);
  expectStatus(await t.admin.post("/api/v1/metadata/publish", {}), 200);
  const buyer = await signIn(t, "buyer", "vendorBuyer");
  const clerk = await signIn(t, "clerk", "vendorClerk");
  return {
    t,
    admin: t.admin,
    buyer: buyer.client,
    clerk: clerk.client,
    buyerId: buyer.id,
    clerkId: clerk.id,
  };
};

/** Creates a record (201 expected) and returns the answer's body. */
export const create = async (client: ApiClient, object: string, body: Json): Promise<Json> =>
  expectStatus(await client.post<Json>(`/api/v1/records/${object}`, body), 201).body;

export const read = (client: ApiClient, object: string, id: string) =>
  client.get<Json>(`/api/v1/records/${object}/${id}`);

/** Ids of `object` records whose `field` is `value`, as the admin sees them. */
export const idsWhere = async (
  client: ApiClient,
  object: string,
  field: string,
  value: unknown,
): Promise<string[]> => {
  const filter = encodeURIComponent(JSON.stringify({ "==": [{ var: field }, value] }));
  const page = expectStatus(
    await client.get<{ records: Json[] }>(`/api/v1/records/${object}?limit=200&filter=${filter}`),
    200,
  );
  return page.body.records.map((r) => String(r.id)).sort();
};
