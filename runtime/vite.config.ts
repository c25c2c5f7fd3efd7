import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The runtime imports @tessera/metadata from its TypeScript sources (the "source" export
// condition), so building the app needs no separate build of the metadata package.
export default defineConfig({
  plugins: [react()],
  resolve: {
    conditions: ["source", "browser", "module", "import", "default"],
    // @rjsf/core imports ajv's validator for a test helper only; ajv needs eval, which the CSP forbids.
    alias: {
      "@rjsf/validator-ajv8": fileURLToPath(new URL("./src/form/no-ajv-validator.ts", import.meta.url)),
    },
  },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 3000 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
