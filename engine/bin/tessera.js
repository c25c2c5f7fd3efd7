#!/usr/bin/env node
// The `tessera` command. The engine is TypeScript compiled by `npm run build` (run by `npm install`).
try {
  await import("../dist/cli/run.js");
} catch (error) {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/cli/run.js")) {
    console.error("tessera: the engine is not built yet; run `npm run build` in the repository root.");
    process.exit(1);
  }
  throw error;
}
