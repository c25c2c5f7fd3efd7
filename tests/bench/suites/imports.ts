import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../../engine/src/server/start-server.js";
import { pick, seededRandom } from "../measure.js";

/** Rows of the generated file: 20k by default, TESSERA_BENCH_IMPORT_ROWS for up to 100k (the size). */
const ROWS = Number(process.env.TESSERA_BENCH_IMPORT_ROWS ?? 20_000);
const PASSWORD = "bench-import-password";

const TYPES = ["Customer", "潜在客户", "partner", "Reseller", "正式客户"];
const INDUSTRIES = ["Manufacturing", "信息技术", "retail", "Financial Services", "教育培训", ""];
const CITIES = ["Shanghai", "北京", "Shenzhen", "Hangzhou", "成都"];
const SUFFIXES = ["有限公司", "Co., Ltd.", "Group", "Inc.", "股份有限公司"];
const HEADS = ["Hua", "Zhong", "Xin", "Tian", "Jin", "Long", "Hai", "Bei", "Dong", "Nan"];
const HEADS_2 = ["Feng", "Rui", "Kang", "Sheng", "Tai", "Yu", "Ming", "Guang", "Heng", "Da"];
const TAILS = ["tech", "soft", "tong", "xun", "cheng", "yuan", "neng", "jian", "xing", "bo"];
const TRADES = [
  "Electronics",
  "Machinery",
  "Logistics",
  "Trading",
  "Software",
  "电子",
  "机械",
  "物流",
  "医疗",
  "食品",
];
const PLACES = ["Shanghai", "上海", "Beijing", "北京", "Shenzhen", "深圳", "Hangzhou", "成都"];

/**
 * An account CSV as people export it from spreadsheets and old systems: a BOM, Chinese and English
 * headers, picklist labels in both languages, amounts with currency symbols and thousands
 * separators, padded cells, company names of many shapes (some repeated) and some rows that fail
 * (no name).
 */
export const accountCsv = (rows: number): string => {
  const random = seededRandom(9);
  const lines = ["\uFEFF客户名称,Account Type,行业,Annual Revenue,员工人数,Phone,Website,城市"];
  const companies: string[] = [];
  for (let i = 0; i < rows; i++) {
    // One row in twenty repeats an earlier company, as an old system's export does.
    const repeated = random() < 0.05 && companies.length > 0;
    const company = repeated
      ? pick(random, companies)
      : `${pick(random, PLACES)} ${pick(random, HEADS)}${pick(random, HEADS_2).toLowerCase()}${pick(random, TAILS)} ${pick(random, TRADES)}`;
    companies.push(company);
    const name = i % 250 === 7 ? "" : `${company} ${pick(random, SUFFIXES)}`;
    const revenue = `"¥${Math.floor(random() * 90_000_000 + 10_000).toLocaleString("en-US")}.00"`;
    lines.push(
      [
        `"  ${name}  "`,
        pick(random, TYPES),
        pick(random, INDUSTRIES),
        revenue,
        String(Math.floor(random() * 5000)),
        `+86 21 ${String(50000000 + i).slice(0, 4)} ${String(i % 10000).padStart(4, "0")}`,
        `https://c${i}.example.com`,
        pick(random, CITIES),
      ].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
};

type Json = Record<string, unknown>;

/**
 * One import end to end, as a user drives it over HTTP on the embedded store with the server's
 * default job settings: upload (streamed and scanned), dry run, then the run (a durable job
 * writing every row through the record pipeline) until it completes, polled as the runtime does.
 */
const measureImport = async (options: { accountNameRule: boolean }) => {
  const dataDir = await mkdtemp(join(tmpdir(), "tessera-bench-import-"));
  // Until the server hands its data dir to the import routes, they read it from here.
  process.env.TESSERA_DATA_DIR = dataDir;
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    adminPassword: PASSWORD,
    logLevel: "silent",
  });
  try {
    const call = async (method: string, path: string, token: string, body?: unknown): Promise<Json> => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const json = (await response.json()) as Json;
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenant: "demo", username: "admin", password: PASSWORD }),
    });
    const token = String(((await login.json()) as Json).token);
    if (!options.accountNameRule) {
      // The sales template's fuzzy duplicate rule on account names, switched off.
      const path = new URL(
        "../../../plugins/sales/metadata/duplicate-rules/account-name.json",
        import.meta.url,
      );
      const rule = JSON.parse(await readFile(path, "utf8")) as Json;
      await call("PUT", "/api/v1/metadata/draft/duplicateRule/accountName", token, {
        ...rule,
        active: false,
      });
      await call("POST", "/api/v1/metadata/publish", token, {});
    }
    const file = accountCsv(ROWS);

    const uploadStart = performance.now();
    const form = new FormData();
    form.append("object", "account");
    form.append("file", new Blob([file]), "accounts.csv");
    const uploaded = await fetch(`${server.url}/api/v1/imports`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const view = (await uploaded.json()) as Json;
    if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${JSON.stringify(view)}`);
    const uploadMs = performance.now() - uploadStart;
    const id = String(view.id);

    await call("PUT", `/api/v1/imports/${id}/settings`, token, {
      mapping: view.suggestedMapping,
      mode: "insert",
      automation: true,
    });
    const dryStart = performance.now();
    const dry = (await call("POST", `/api/v1/imports/${id}/dry-run`, token, {})).dryRun as Json;
    const dryRunMs = performance.now() - dryStart;

    const runStart = performance.now();
    if (process.env.NORUN) return {};
    await call("POST", `/api/v1/imports/${id}/run`, token, {});
    let done: Json;
    for (;;) {
      done = await call("GET", `/api/v1/imports/${id}`, token);
      if (done.status !== "running") break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const runMs = performance.now() - runStart;
    const progress = done.progress as Json;
    return {
      accountNameRule: options.accountNameRule,
      rows: ROWS,
      bytes: Buffer.byteLength(file),
      status: done.status,
      upload: { ms: Math.round(uploadMs), rowsPerSecond: Math.round((ROWS / uploadMs) * 1000) },
      dryRun: {
        ms: Math.round(dryRunMs),
        rowsPerSecond: Math.round((ROWS / dryRunMs) * 1000),
        wouldCreate: dry.wouldCreate,
        wouldFail: dry.wouldFail,
      },
      run: {
        ms: Math.round(runMs),
        rowsPerSecond: Math.round((ROWS / runMs) * 1000),
        reportedRowsPerSecond: progress.rowsPerSecond,
        created: progress.created,
        failed: progress.failed,
        skipped: progress.skipped,
      },
    };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
};

/**
 * Import throughput of a generated account CSV: with the sales template as shipped (its fuzzy
 * "similar company name" duplicate rule checks every row) and with that rule switched off, to
 * show what the import itself costs apart from duplicate matching.
 */
export const runImportBench = async () => ({
  asShipped: await measureImport({ accountNameRule: true }),
  withoutAccountNameRule: await measureImport({ accountNameRule: false }),
  target:
    "thousands of rows/s through the pipeline; each row is its own durable write (SQLite synchronous=FULL)",
});
