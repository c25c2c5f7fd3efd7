import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Served by the engine under /designer; imports @tessera/metadata and the runtime's renderers from
// their TypeScript sources (the "source" export condition), so no library build is needed first.
export default defineConfig({
  base: "/designer/",
  plugins: [react()],
  resolve: {
    conditions: ["source", "browser", "module", "import", "default"],
    // @rjsf/core imports ajv's validator for a test helper only; ajv needs eval, which the CSP forbids.
    alias: {
      "@rjsf/validator-ajv8": fileURLToPath(
        new URL("../runtime/src/form/no-ajv-validator.ts", import.meta.url),
      ),
    },
  },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4000 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
