/**
 * Tenant names become file and database names, so they are a closed alphabet: lower-case ASCII
 * letters, digits and hyphens, starting with a letter, at most 40 characters. No dot, slash or
 * backslash can occur, so a tenant name can never traverse a path.
 */
export const TENANT_NAME_REGEX = /^[a-z][a-z0-9-]{0,39}$/;

export const isTenantName = (tenant: unknown): tenant is string =>
  typeof tenant === "string" && TENANT_NAME_REGEX.test(tenant);

/** Throws a RangeError for anything that is not a tenant name, before any storage is touched. */
export const assertTenantName = (tenant: unknown): string => {
  if (!isTenantName(tenant)) throw new RangeError("Invalid tenant name");
  return tenant;
};
