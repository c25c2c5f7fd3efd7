import { defineConfig } from "vitest/config";

// Tests run against package sources (the "source" export condition), so `npm test` needs no build.
const conditions = ["source", "module", "node", "import", "default"];

const project = (name: string, extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  test: { name, include: [`tests/${name}/**/*.test.ts`], ...extra },
});

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["source"] } },
  test: {
    projects: [
      project("metadata"),
      project("engine"),
      project("security"),
      project("conformance"),
      project("plugins"),
      project("e2e"),
    ],
  },
});
