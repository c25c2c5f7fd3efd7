import { createTenant, MetadataCache } from "@tessera/engine";
import { type ApiClient, apiClient } from "./api-client.js";
import { ADMIN_PASSWORD, type TestServer } from "./test-server.js";

/**
 * Creates `tenant` in the running test server's store with a template package of the plugins
 * folder and its sample data (as `tessera tenant create <tenant> --template <template>` does), and
 * returns a client signed in as its admin.
 */
export const createTemplateTenant = async (
  server: TestServer,
  tenant: string,
  template: string,
): Promise<ApiClient> => {
  await createTenant(server.server.store, new MetadataCache(), tenant, {
    template,
    sampleData: true,
    adminPassword: ADMIN_PASSWORD,
  });
  const admin = apiClient(server.server.url);
  const login = await admin.login(tenant, "admin", ADMIN_PASSWORD);
  if (login.status !== 200) throw new Error(`${tenant} admin login failed: ${login.status}`);
  return admin;
};
