import { randomBytes } from "node:crypto";
import { type JsonObject, standardObjects, standardProfiles } from "@tessera/metadata";
import { installPackage } from "../packages/install-package.js";
import { createRecord } from "../records/create-record.js";
import { newRecordId } from "../records/record-id.js";
import type { MetadataCache } from "../registry/metadata-cache.js";
import { publishDraft } from "../registry/publish-draft.js";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../security/password.js";
import type { Store } from "../store/store-port.js";
import { readTemplate } from "./read-template.js";
import { systemContext } from "./system-context.js";

/** The template name meaning "the standard objects only". */
export const STANDARD_TEMPLATE = "standard";

export interface CreateTenantOptions {
  adminPassword?: string;
  /** Load the template's sample data. */
  sampleData?: boolean;
  adminEmail?: string;
  /** A package of the plugins folder installed after the standard objects (e.g. `sales`). */
  template?: string;
}

export interface CreatedTenant {
  tenant: string;
  adminUsername: string;
  /** Set when the password was generated: shown once, never stored in clear. */
  generatedPassword?: string;
}

/**
 * Creates a tenant: its storage, the standard CRM objects published as version 1, the `admin` user
 * with a password (given, or generated and returned once), then optionally a template package
 * (published as version 2) with its sample data.
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
  const template =
    options.template === undefined || options.template === STANDARD_TEMPLATE
      ? undefined
      : await readTemplate(options.template);
  await store.createTenant(tenant);
  const tenantStore = await store.tenant(tenant);
  const adminId = newRecordId();
  const now = new Date().toISOString();
  for (const doc of [...standardObjects, ...standardProfiles]) {
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
  if (template !== undefined)
    await installPackage(tenantStore, cache, template, {
      actor: adminId,
      ...(options.sampleData === true && { sampleData: true }),
    });
  return {
    tenant,
    adminUsername: "admin",
    ...(options.adminPassword === undefined && { generatedPassword: password }),
  };
};
