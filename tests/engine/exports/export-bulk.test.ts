import type { StoredRecord } from "@tessera/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newRecordId } from "../../../engine/src/records/record-id.js";
import { number, text } from "../../metadata/builders.js";
import { publish } from "../../security/support/org-admin.js";
import { anObject } from "../support/object-builder.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { csvRows, download, xlsxRows, xlsxSheet } from "./export-support.js";

const RECORDS = 10_000;
const path = (query: string) => `/api/v1/records/exportBulk/export?fields=name,seq&sort=seq&${query}`;

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  await publish(t.admin, [
    anObject("exportBulk")
      .withField(text("name"), number("seq", { scale: 0 }))
      .sharedAs("publicRead")
      .build(),
  ]);
  const bootstrap = await t.admin.get<{ user: { id: string } }>("/api/v1/ui/bootstrap");
  const owner = bootstrap.body.user.id;
  const at = new Date().toISOString();
  // Seeded in one bulk write (as an import or a benchmark would): 10,000 API calls would test nothing more.
  const records: StoredRecord[] = Array.from({ length: RECORDS }, (_, i) => ({
    id: newRecordId(),
    version: 1,
    ownerId: owner,
    createdAt: at,
    createdBy: owner,
    updatedAt: at,
    updatedBy: owner,
    name: `Bulk ${String(RECORDS - i).padStart(5, "0")}`,
    seq: RECORDS - i,
  }));
  const store = await t.server.store.tenant("demo");
  await store.insertRecords("exportBulk", records);
}, 120_000);

afterAll(async () => t?.close());

describe("large exports are streamed page by page", () => {
  it("writes all 10,000 records to CSV in order, as a chunked response", async () => {
    const file = await download(t.admin, path("format=csv"));
    expect(file.headers.get("transfer-encoding")).toBe("chunked");
    expect(file.headers.get("content-length")).toBeNull();
    const rows = csvRows(file);
    expect(rows).toHaveLength(RECORDS + 1);
    expect(rows[0]).toEqual(["name", "seq"]);
    expect(rows[1]).toEqual(["Bulk 00001", "1"]);
    expect(rows[RECORDS]).toEqual(["Bulk 10000", "10,000"]);
  }, 60_000);

  it("writes all 10,000 records to XLSX in order", async () => {
    const file = await download(t.admin, path("format=xlsx"));
    expect(file.headers.get("transfer-encoding")).toBe("chunked");
    const rows = xlsxRows(await xlsxSheet(file));
    expect(rows).toHaveLength(RECORDS + 1);
    expect(rows[1]).toEqual(["Bulk 00001", 1]);
    expect(rows[RECORDS]).toEqual(["Bulk 10000", 10_000]);
  }, 60_000);
});
