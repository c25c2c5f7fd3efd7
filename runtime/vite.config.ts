import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The runtime imports @tessera/metadata from its TypeScript sources (the "source" export
// condition), so building the app needs no separate build of the metadata package.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["source", "browser", "module", "import", "default"] },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 3000 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
