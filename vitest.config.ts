import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests run against package sources, so `npm test` needs no build.
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const project = (name: string, extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  test: { name, include: [`tests/${name}/**/*.test.ts`], ...extra },
});

export default defineConfig({
  resolve: {
    alias: {
      "@tessera/metadata": source("./metadata/src/index.ts"),
      "@tessera/engine": source("./engine/src/index.ts"),
    },
  },
  test: {
    projects: [
      project("metadata"),
      project("engine"),
      project("security"),
      project("conformance"),
      project("plugins"),
      // Component tests of the runtime's renderers in happy-dom (no browser, no server).
      {
        extends: true as const,
        test: {
          name: "runtime",
          include: ["tests/runtime/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
          setupFiles: ["tests/runtime/setup.ts"],
        },
      },
      project("e2e", { testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false }),
    ],
  },
});
