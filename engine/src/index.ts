// The public face of @tessera/engine: what tests, the CLI and (later) plugins use.
export { main } from "./cli/main.js";
export { EngineError, type ProblemDetail } from "./errors/engine-error.js";
export { createApp } from "./http/create-app.js";
export { exportPackage, writePackage } from "./packages/export-package.js";
export { type InstallResult, installPackage } from "./packages/install-package.js";
export { readPackage } from "./packages/read-package.js";
export type * from "./plugins/plugin-api.js";
export { putDraftDocument } from "./registry/draft-documents.js";
export { MetadataCache } from "./registry/metadata-cache.js";
export { publishDraft } from "./registry/publish-draft.js";
export { configFromEnv, type ServerConfig } from "./server/server-config.js";
export { DEMO_TENANT, type RunningServer, startServer } from "./server/start-server.js";
export { openStore, type StoreConfig } from "./store/open-store.js";
export * from "./store/store-port.js";
export * from "./store/work-types.js";
export { createTenant } from "./tenancy/create-tenant.js";
