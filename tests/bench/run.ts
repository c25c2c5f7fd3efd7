import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { runListBench } from "./suites/engine-list.js";
import { runWriteBench } from "./suites/engine-writes.js";
import { runImportBench } from "./suites/imports.js";
import { runRecordValidationBench } from "./suites/record-validation.js";
import { runReportsBench } from "./suites/reports.js";
import { runRulesBench } from "./suites/rules.js";
import { runTemplateBench } from "./suites/templates.js";

/** `npm run bench [suite...]`: runs the benchmark suites and prints one JSON document. */
const suites: Record<string, () => unknown | Promise<unknown>> = {
  rules: runRulesBench,
  recordValidation: runRecordValidationBench,
  writes: runWriteBench,
  list: runListBench,
  templates: runTemplateBench,
  imports: runImportBench,
  reports: runReportsBench,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const results: Record<string, unknown> = {};
for (const [name, run] of Object.entries(suites)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stderr.write(`bench: ${name}...\n`);
  results[name] = await run();
}
const report = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  suites: results,
};
const json = JSON.stringify(report, null, 2);
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/latest.json", `${json}\n`);
process.stdout.write(`${json}\n`);
