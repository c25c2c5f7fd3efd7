import type { AggregateQuery, TenantStore } from "../../../engine/src/store/store-port.js";
import { dealInput, engineFixture, storedDeal } from "../engine-fixture.js";
import { percentiles, seededRandom } from "../measure.js";

const RECORDS = 100_000;
const BATCH = 5_000;
const SAMPLES = 30;

const measures: AggregateQuery["measures"] = [
  { operation: "count" },
  { operation: "sum", field: "amount" },
  { operation: "avg", field: "amount" },
];

/** The report shapes a dashboard runs: two keys, two keys with a date bucket, totals. */
const QUERIES: Record<string, AggregateQuery> = {
  stageByRegion: { groupBy: [{ field: "stage" }, { field: "region" }], measures, limit: 1001 },
  stageByCloseMonth: {
    groupBy: [{ field: "stage" }, { field: "closeDate", bucket: "month" }],
    measures,
    limit: 1001,
  },
  totals: { groupBy: [], measures, limit: 1 },
};

/**
 * Milliseconds per run (after a warm-up run), the process's CPU milliseconds per run (what a busy
 * machine's wall clock hides), and the groups the last run returned.
 */
const timeAggregate = async (
  tenant: TenantStore,
  query: AggregateQuery,
): Promise<{ groups: number; ms: ReturnType<typeof percentiles>; cpuMsPerRun: number }> => {
  let groups = (await tenant.aggregate("deal", query)).length;
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < SAMPLES; i += 1) {
    const start = performance.now();
    groups = (await tenant.aggregate("deal", query)).length;
    samples.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  return {
    groups,
    ms: percentiles(samples),
    cpuMsPerRun: Number(((used.user + used.system) / 1000 / SAMPLES).toFixed(1)),
  };
};

/** `TenantStore.aggregate` (one grouped SQL statement) over 100k deals. */
export const runReportsBench = async () => {
  const f = await engineFixture();
  try {
    const random = seededRandom(3);
    const owner = f.ctx.actor.userId;
    for (let i = 0; i < RECORDS; i += BATCH) {
      await f.tenant.insertRecords(
        "deal",
        Array.from({ length: BATCH }, (_, k) => storedDeal(dealInput(random, i + k), i + k, owner)),
      );
    }
    const results: Record<string, unknown> = {};
    for (const [name, query] of Object.entries(QUERIES)) results[name] = await timeAggregate(f.tenant, query);
    return {
      records: RECORDS,
      aggregate: results,
      target: "2-key aggregate over 100k records: p95 < 500 ms",
    };
  } finally {
    await f.close();
  }
};
