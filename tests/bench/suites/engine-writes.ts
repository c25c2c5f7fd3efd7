import { createRecord } from "../../../engine/src/records/create-record.js";
import { dealInput, engineFixture, storedDeal } from "../engine-fixture.js";
import { seededRandom } from "../measure.js";

const N = 3000;

/**
 * Raw store inserts vs the full create pipeline (coercion, defaults, formula, ajv, 3 rules,
 * references, history) for the same 20-field records, one write at a time and 16 at a time.
 */
export const runWriteBench = async () => {
  const f = await engineFixture();
  try {
    const random = seededRandom(1);
    const inputs = Array.from({ length: N * 4 }, (_, i) => dealInput(random, i));
    const owner = f.ctx.actor.userId;
    const measure = async (
      label: string,
      concurrency: number,
      write: (i: number) => Promise<unknown>,
      offset: number,
    ) => {
      const start = performance.now();
      for (let i = 0; i < N; i += concurrency) {
        await Promise.all(
          Array.from({ length: Math.min(concurrency, N - i) }, (_, k) => write(offset + i + k)),
        );
      }
      return { label, concurrency, recordsPerSecond: Math.round((N / (performance.now() - start)) * 1000) };
    };
    const history = (i: number) => [
      {
        object: "deal",
        recordId: storedDeal({}, i, owner).id,
        field: "_created",
        oldValue: null,
        newValue: null,
        version: 1,
        changedAt: new Date().toISOString(),
        changedBy: owner,
      },
    ];
    const raw = (i: number) =>
      f.tenant.insertRecord("deal", storedDeal(inputs[i] ?? {}, i, owner), { history: history(i) });
    const pipeline = (i: number) => createRecord(f.ctx, "deal", inputs[i]);
    const rawSerial = await measure("raw store insert", 1, raw, 0);
    const pipelineSerial = await measure("create pipeline", 1, pipeline, N);
    const rawConcurrent = await measure("raw store insert", 16, raw, 2 * N);
    const pipelineConcurrent = await measure("create pipeline", 16, pipeline, 3 * N);
    return {
      records: N,
      fields: 20,
      results: [rawSerial, pipelineSerial, rawConcurrent, pipelineConcurrent],
      pipelineVsRaw: {
        serial: Number((pipelineSerial.recordsPerSecond / rawSerial.recordsPerSecond).toFixed(2)),
        concurrent16: Number(
          (pipelineConcurrent.recordsPerSecond / rawConcurrent.recordsPerSecond).toFixed(2),
        ),
      },
      target: "pipeline >= 0.5 x raw",
    };
  } finally {
    await f.close();
  }
};
