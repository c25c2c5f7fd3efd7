import { randomBytes } from "node:crypto";
import { type JsonObject, standardObjects, standardProfiles } from "@tessera/metadata";
import { createRecord } from "../records/create-record.js";
import { newRecordId } from "../records/record-id.js";
import type { MetadataCache } from "../registry/metadata-cache.js";
import { publishDraft } from "../registry/publish-draft.js";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../security/password.js";
import type { Store } from "../store/store-port.js";
import { DEMO_DOCUMENTS } from "./demo-documents.js";
import { createSampleData } from "./sample-data.js";
import { systemContext } from "./system-context.js";

export interface CreateTenantOptions {
  adminPassword?: string;
  sampleData?: boolean;
  adminEmail?: string;
}

export interface CreatedTenant {
  tenant: string;
  adminUsername: string;
  /** Set when the password was generated: shown once, never stored in clear. */
  generatedPassword?: string;
}

/**
 * Creates a tenant: its storage, the standard CRM objects published as version 1, the `admin` user
 * with a password (given, or generated and returned once), and optionally sample data.
 */
export const createTenant = async (
  store: Store,
  cache: MetadataCache,
  tenant: string,
  options: CreateTenantOptions = {},
): Promise<CreatedTenant> => {
  if (options.adminPassword !== undefined && options.adminPassword.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`The admin password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  await store.createTenant(tenant);
  const tenantStore = await store.tenant(tenant);
  const adminId = newRecordId();
  const now = new Date().toISOString();
  const demo = options.sampleData === true ? DEMO_DOCUMENTS : [];
  for (const doc of [...standardObjects, ...standardProfiles, ...demo]) {
    await tenantStore.putDraft({
      kind: doc.kind,
      name: doc.name,
      document: doc as unknown as JsonObject,
      updatedAt: now,
      updatedBy: adminId,
    });
  }
  await publishDraft(tenantStore, { actor: adminId });
  const metadata = await cache.current(tenantStore);
  if (metadata === undefined) throw new Error(`Tenant ${tenant}: the first publish did not activate`);
  const ctx = systemContext(tenantStore, metadata, adminId, "admin");
  const admin = await createRecord(
    ctx,
    "user",
    {
      username: "admin",
      name: "Administrator",
      email: options.adminEmail ?? "admin@example.com",
      profile: "systemAdministrator",
      locale: "en",
    },
    { id: adminId },
  );
  const password = options.adminPassword ?? randomBytes(12).toString("base64url");
  await tenantStore.setPasswordHash(String(admin.id), await hashPassword(password));
  if (options.sampleData === true) await createSampleData(ctx);
  return {
    tenant,
    adminUsername: "admin",
    ...(options.adminPassword === undefined && { generatedPassword: password }),
  };
};
