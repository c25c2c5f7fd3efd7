import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "../support/api-client.js";
import { type CliServer, startCliServer } from "../support/cli-process.js";
import { invoiceLineObject, invoiceObject } from "../support/invoice-objects.js";

type Json = Record<string, unknown>;
type Values = { title: string; amount: number; quantity: number; notes: string; status: "draft" | "paid" };

/** One record a worker wrote: its last acknowledged state, and the write in flight, if any. */
interface Tracked {
  id?: string;
  acked?: { version: number; values: Values };
  pending?: { version: number; values: Values };
}

const PASSWORD = "sigkill-admin-password";
const WORKERS = 4;
const ACKS_BEFORE_KILL = 60;

const signIn = async (url: string): Promise<ApiClient> => {
  const client = apiClient(url);
  const login = await client.login("demo", "admin", PASSWORD);
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return client;
};

const cents = () => Math.floor(Math.random() * 1_000_000) / 100;

/**
 * One client writing as fast as it can: creates records and updates its own ones (so it always
 * knows their version), until the server goes away. Only 201/200 answers count as acknowledged.
 */
const writeUntilKilled = async (
  client: ApiClient,
  worker: number,
  tracked: Tracked[],
  unexpected: string[],
  acks: { count: number },
): Promise<void> => {
  const mine: Tracked[] = [];
  for (let i = 0; ; i++) {
    const updatable = mine.filter((r) => r.acked !== undefined);
    const target = updatable[Math.floor(Math.random() * updatable.length)];
    try {
      if (target?.acked === undefined || target.id === undefined || Math.random() < 0.5) {
        const values: Values = {
          title: `w${worker}-${i}`,
          amount: cents(),
          quantity: i,
          notes: `created by worker ${worker}`,
          status: "draft",
        };
        const record: Tracked = { pending: { version: 1, values } };
        mine.push(record);
        tracked.push(record);
        const res = await client.post("/api/v1/records/invoice", values);
        if (res.status !== 201) {
          unexpected.push(`create ${values.title}: ${res.status} ${JSON.stringify(res.body)}`);
          return;
        }
        record.id = String(res.body.id);
        record.acked = { version: Number(res.body.version), values };
        delete record.pending;
      } else {
        const values: Values = {
          ...target.acked.values,
          amount: cents(),
          notes: `updated by worker ${worker} at step ${i}`,
          status: i % 2 === 0 ? "paid" : "draft",
        };
        const { amount, notes, status } = values;
        target.pending = { version: target.acked.version + 1, values };
        const res = await client.patch(
          `/api/v1/records/invoice/${target.id}`,
          { amount, notes, status },
          target.acked.version,
        );
        if (res.status !== 200) {
          unexpected.push(`update ${target.id}: ${res.status} ${JSON.stringify(res.body)}`);
          return;
        }
        target.acked = { version: Number(res.body.version), values };
        delete target.pending;
      }
      acks.count++;
    } catch {
      // The server is gone (connection refused or reset): the write in flight stays pending.
      return;
    }
  }
};

const listAll = async (client: ApiClient): Promise<Json[]> => {
  const records: Json[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
    const page = await client.get<{ records: Json[]; nextCursor: string | null }>(
      `/api/v1/records/invoice?limit=200${query}`,
    );
    expect(page.status).toBe(200);
    records.push(...page.body.records);
    cursor = page.body.nextCursor;
  } while (cursor !== null);
  return records;
};

const valuesOf = (record: Json): Values => ({
  title: record.title as string,
  amount: record.amount as number,
  quantity: record.quantity as number,
  notes: record.notes as string,
  status: record.status as Values["status"],
});

let dataDir: string;
let server: CliServer | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "tessera-sigkill-"));
});

afterAll(async () => {
  await server?.stop("SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

describe("a server killed with SIGKILL in the middle of a stream of writes", () => {
  it("keeps every acknowledged write, whole, and numbers records without reuse", async () => {
    server = await startCliServer(dataDir, { TESSERA_ADMIN_PASSWORD: PASSWORD });
    const first = server;
    const admin = await signIn(first.url);
    expect((await admin.put("/api/v1/metadata/draft/object/invoice", invoiceObject())).status).toBe(200);
    expect((await admin.put("/api/v1/metadata/draft/object/invoiceLine", invoiceLineObject())).status).toBe(
      200,
    );
    expect((await admin.post("/api/v1/metadata/publish", {})).status).toBe(200);

    const tracked: Tracked[] = [];
    const unexpected: string[] = [];
    const acks = { count: 0 };
    const workers = Array.from({ length: WORKERS }, (_, w) =>
      writeUntilKilled(admin, w, tracked, unexpected, acks),
    );
    while (acks.count < ACKS_BEFORE_KILL && unexpected.length === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const extraMs = Math.floor(Math.random() * 800);
    await new Promise((resolve) => setTimeout(resolve, extraMs));
    expect(await first.stop("SIGKILL")).toBe("SIGKILL");
    await Promise.all(workers);
    expect(unexpected).toEqual([]);
    const acked = tracked.filter((r) => r.acked !== undefined);
    const updated = acked.filter((r) => (r.acked?.version ?? 0) > 1);
    expect(acked.length, `killed ${extraMs} ms after ${ACKS_BEFORE_KILL} acks`).toBeGreaterThan(20);
    expect(updated.length).toBeGreaterThan(5);

    server = await startCliServer(dataDir, { TESSERA_ADMIN_PASSWORD: PASSWORD });
    expect(server.output()).not.toContain('Created tenant "demo"');
    const again = await signIn(server.url);
    const stored = await listAll(again);
    const byId = new Map(stored.map((r) => [String(r.id), r]));
    const byTitle = new Map(stored.map((r) => [String(r.title), r]));

    for (const record of tracked) {
      if (record.acked === undefined) {
        // A create in flight at the kill: either it is whole and at version 1, or it is absent.
        const pending = record.pending?.values;
        const found = pending === undefined ? undefined : byTitle.get(pending.title);
        if (found !== undefined)
          expect({ version: found.version, ...valuesOf(found) }).toEqual({ version: 1, ...pending });
        continue;
      }
      const found = byId.get(String(record.id));
      expect(found, `acknowledged record ${record.id}`).toBeDefined();
      if (found === undefined) continue;
      const version = Number(found.version);
      expect(version).toBeGreaterThanOrEqual(record.acked.version);
      // Newer than acknowledged only by the one update in flight at the kill, applied whole.
      const expected = version === record.acked.version ? record.acked : record.pending;
      expect({ version, ...valuesOf(found) }).toEqual({ version: expected?.version, ...expected?.values });
    }
    const known = new Set(tracked.map((r) => r.acked?.values.title ?? r.pending?.values.title));
    expect(stored.filter((r) => !known.has(String(r.title)))).toEqual([]);

    for (const record of stored) {
      const read = await again.get(`/api/v1/records/invoice/${record.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(record);
      expect(read.body).toMatchObject({
        id: expect.any(String),
        ownerId: expect.any(String),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        number: expect.stringMatching(/^INV-\d{4,}$/),
        paid: false,
        linesTotal: 0,
        lineCount: 0,
      });
      expect(Math.abs(Number(read.body.gross) - Number(read.body.amount) * 1.13)).toBeLessThanOrEqual(0.0051);
    }

    const numbers = stored.map((r) => Number(String(r.number).slice(4))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const next = await again.post("/api/v1/records/invoice", { title: "after restart", amount: 1 });
    expect(next.status).toBe(201);
    expect(next.body.number).toBe(`INV-${String(numbers.length + 1).padStart(4, "0")}`);

    expect(await server.stop("SIGTERM")).toBe(0);
  }, 60_000);
});
