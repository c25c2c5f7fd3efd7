import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { pino } from "pino";
import { createApp } from "../../../engine/src/http/create-app.js";
import { listRecords } from "../../../engine/src/query/list-records.js";
import { putDraftDocument } from "../../../engine/src/registry/draft-documents.js";
import { MetadataCache } from "../../../engine/src/registry/metadata-cache.js";
import { publishDraft } from "../../../engine/src/registry/publish-draft.js";
import { dealInput, engineFixture, openDealsView, storedDeal } from "../engine-fixture.js";
import { percentiles, seededRandom } from "../measure.js";

const RECORDS = 100_000;
const BATCH = 5_000;
const filter = JSON.stringify(openDealsView().filter);
const query = `filter=${encodeURIComponent(filter)}&sort=-closeDate&limit=50`;

const fiftyFieldObject = (suffix: string) => ({
  kind: "object",
  name: "wide",
  label: { en: `Wide ${suffix}` },
  pluralLabel: { en: "Wides" },
  recordName: "f0",
  sharingModel: "private",
  fields: Array.from({ length: 50 }, (_, i) => ({
    name: `f${i}`,
    type: i % 2 === 0 ? "text" : "number",
    label: { en: `Field ${i} ${suffix}` },
  })),
});

/**
 * List view on 100k records (2-field filter, sort, page of 50) in-process and over HTTP, publish
 * latency of a 50-field object change, and memory with the records loaded.
 */
export const runListBench = async () => {
  const f = await engineFixture();
  try {
    const random = seededRandom(2);
    const owner = f.ctx.actor.userId;
    const loadStart = performance.now();
    for (let i = 0; i < RECORDS; i += BATCH) {
      await f.tenant.insertRecords(
        "deal",
        Array.from({ length: BATCH }, (_, k) => storedDeal(dealInput(random, i + k), i + k, owner)),
      );
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;

    // In-process: first pages and follow-up pages through cursors, as users page.
    const samples: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 600; i += 1) {
      const start = performance.now();
      const page = await listRecords(f.ctx, "deal", {
        filter,
        sort: "-closeDate",
        limit: "50",
        ...(cursor !== undefined && { cursor }),
      });
      samples.push(performance.now() - start);
      cursor = i % 6 === 5 || page.nextCursor === null ? undefined : page.nextCursor;
    }
    const inProcess = percentiles(samples.slice(100));

    // Over HTTP: the real express app on the same store, signed in as the admin.
    const cache = new MetadataCache();
    const app = createApp({ store: f.store, cache, logger: pino({ level: "silent" }) });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenant: "bench", username: "admin", password: "bench-password" }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    const httpSamples: number[] = [];
    for (let i = 0; i < 400; i += 1) {
      const start = performance.now();
      const res = await fetch(`${url}/api/v1/records/deal?${query}`, { headers });
      await res.arrayBuffer();
      httpSamples.push(performance.now() - start);
    }
    const httpSequential = percentiles(httpSamples.slice(50));
    const cannon = await autocannon({
      url: `${url}/api/v1/records/deal?${query}`,
      headers,
      connections: 8,
      duration: 8,
    });

    // Publish: a 50-field object change, timed until the next request sees it.
    const publishTimes: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      await putDraftDocument(f.tenant, "object", "wide", fiftyFieldObject(String(round)), owner);
      const start = performance.now();
      await publishDraft(f.tenant, { actor: owner });
      const seen = await fetch(`${url}/api/v1/metadata/objects/wide`, { headers });
      const body = (await seen.json()) as { object: { label: { en: string } } };
      if (body.object.label.en !== `Wide ${round}`) throw new Error("publish not visible");
      publishTimes.push(performance.now() - start);
    }
    server.close();
    return {
      records: RECORDS,
      loadSeconds: Number(loadSeconds.toFixed(1)),
      listPage50: {
        inProcessMs: inProcess,
        httpSequentialMs: httpSequential,
        httpAutocannon: {
          connections: 8,
          requestsPerSecond: Math.round(cannon.requests.average),
          latencyMs: {
            p50: cannon.latency.p50,
            p90: cannon.latency.p90,
            p97_5: cannon.latency.p97_5,
            p99: cannon.latency.p99,
          },
          errors: cannon.errors + cannon.non2xx,
        },
        targets: "p95 < 10 ms in-process, < 25 ms over HTTP",
      },
      publish50FieldsUntilVisibleMs: {
        ...percentiles(publishTimes),
        max: Number(Math.max(...publishTimes).toFixed(1)),
        target: "< 200 ms",
      },
      rssMbWith100kRecords: Math.round(process.memoryUsage().rss / 1024 / 1024),
    };
  } finally {
    await f.close();
  }
};
