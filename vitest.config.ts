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
      "@tessera/runtime/styles.css": source("./runtime/src/styles.css"),
      "@tessera/runtime": source("./runtime/src/index.ts"),
    },
  },
  test: {
    // Integration tests hash passwords (scrypt) and start servers: on a busy 2-core CI machine a
    // test that takes 1 s alone can take several. Time is measured in `npm run bench`, not here.
    testTimeout: 20_000,
    hookTimeout: 60_000,
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
          // @rjsf/core imports ajv's validator for a test helper only; the runtime has none (CSP: no
          // eval) and resolves it to a stub, as its Vite build does. Inlined so the alias applies.
          alias: {
            "@rjsf/validator-ajv8": source("./runtime/src/form/no-ajv-validator.ts"),
          },
          server: { deps: { inline: [/@rjsf\//] } },
        },
      },
      // Component tests of the designer's editors in happy-dom, the same way.
      {
        extends: true as const,
        test: {
          name: "designer",
          include: ["tests/designer/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
          setupFiles: ["tests/designer/setup.ts"],
          testTimeout: 60_000,
          alias: {
            "@rjsf/validator-ajv8": source("./runtime/src/form/no-ajv-validator.ts"),
          },
          server: { deps: { inline: [/@rjsf\//] } },
        },
      },
      project("e2e", { testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false }),
    ],
  },
});
