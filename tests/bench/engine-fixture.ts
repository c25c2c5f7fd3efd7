import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JsonObject, ListView, ObjectDefinition } from "@tessera/metadata";
import type { RecordContext } from "../../engine/src/records/record-context.js";
import { putDraftDocument } from "../../engine/src/registry/draft-documents.js";
import { MetadataCache } from "../../engine/src/registry/metadata-cache.js";
import { publishDraft } from "../../engine/src/registry/publish-draft.js";
import { findUserByUsername } from "../../engine/src/security/sign-in.js";
import { openStore } from "../../engine/src/store/open-store.js";
import type { Store, StoredRecord, TenantStore } from "../../engine/src/store/store-port.js";
import { createTenant } from "../../engine/src/tenancy/create-tenant.js";
import { systemContext } from "../../engine/src/tenancy/system-context.js";
import { pick } from "./measure.js";

const l = (en: string) => ({ en });
const STAGES = ["open", "won", "lost", "onHold"];
const REGIONS = ["north", "east", "south", "west", "central"];

/** A 20-field deal with 3 validation rules and a formula: the record the write benchmarks use. */
export const dealObject = (): ObjectDefinition => ({
  kind: "object",
  name: "deal",
  label: l("Deal"),
  pluralLabel: l("Deals"),
  recordName: "name",
  sharingModel: "private",
  fields: [
    { name: "name", type: "text", label: l("Name"), required: true, maxLength: 120 },
    {
      name: "stage",
      type: "picklist",
      label: l("Stage"),
      options: STAGES.map((v) => ({ value: v, label: l(v) })),
    },
    {
      name: "region",
      type: "picklist",
      label: l("Region"),
      options: REGIONS.map((v) => ({ value: v, label: l(v) })),
    },
    { name: "amount", type: "currency", label: l("Amount"), min: 0 },
    { name: "discount", type: "percent", label: l("Discount"), min: 0, max: 100 },
    {
      name: "net",
      type: "formula",
      label: l("Net"),
      returnType: "currency",
      expression: { "*": [{ var: "amount" }, { "-": [1, { "/": [{ var: "discount" }, 100] }] }] },
    },
    { name: "closeDate", type: "date", label: l("Close date") },
    { name: "probability", type: "percent", label: l("Probability") },
    { name: "quantity", type: "number", label: l("Quantity"), min: 0 },
    { name: "email", type: "email", label: l("E-mail") },
    { name: "phone", type: "phone", label: l("Phone") },
    { name: "website", type: "url", label: l("Website") },
    { name: "notes", type: "textarea", label: l("Notes") },
    {
      name: "priority",
      type: "picklist",
      label: l("Priority"),
      options: ["low", "high"].map((v) => ({ value: v, label: l(v) })),
    },
    { name: "strategic", type: "boolean", label: l("Strategic") },
    { name: "nextStep", type: "text", label: l("Next step") },
    { name: "competitor", type: "text", label: l("Competitor") },
    { name: "source", type: "text", label: l("Source") },
    { name: "lastContact", type: "datetime", label: l("Last contact") },
    { name: "code", type: "text", label: l("Code") },
  ],
  validationRules: [
    {
      name: "wonNeedsAmount",
      errorWhen: { and: [{ "==": [{ var: "stage" }, "won"] }, { "!": { var: "amount" } }] },
      message: l("Won deals need an amount"),
    },
    { name: "discountCap", errorWhen: { ">": [{ var: "discount" }, 60] }, message: l("Discount over 60%") },
    {
      name: "closeDateSet",
      errorWhen: { and: [{ "!=": [{ var: "stage" }, "open"] }, { missing: ["closeDate"] }] },
      message: l("Close date needed"),
    },
  ],
});

/** The list view the list benchmark pages through: a 2-field filter and a sort. */
export const openDealsView = (): ListView => ({
  kind: "listView",
  name: "openEastDeals",
  object: "deal",
  label: l("Open deals in the east"),
  columns: ["name", "amount", "closeDate"],
  filter: { and: [{ "==": [{ var: "stage" }, "open"] }, { "==": [{ var: "region" }, "east"] }] },
  sort: [{ field: "closeDate", direction: "desc" }],
});

export const dealInput = (random: () => number, i: number): JsonObject => ({
  name: `Deal ${i}`,
  stage: pick(random, STAGES),
  region: pick(random, REGIONS),
  amount: Math.round(random() * 1e7) / 100,
  discount: Math.round(random() * 30),
  closeDate: `2027-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
  probability: Math.round(random() * 100),
  quantity: Math.floor(random() * 100),
  email: `buyer${i}@example.com`,
  phone: "+86 21 5888 1200",
  website: "https://example.com",
  notes: "Met at the trade fair; follow up on pricing.",
  priority: pick(random, ["low", "high"]),
  strategic: random() < 0.2,
  nextStep: "Send proposal",
  competitor: "Globex",
  source: "web",
  lastContact: "2026-11-20T08:00:00.000Z",
  code: `D-${i}`,
});

export interface EngineFixture {
  store: Store;
  tenant: TenantStore;
  ctx: RecordContext;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh data dir with tenant "bench" whose metadata holds the deal object and its list view. */
export const engineFixture = async (): Promise<EngineFixture> => {
  const dataDir = await mkdtemp(join(tmpdir(), "tessera-bench-"));
  const store = await openStore({ dataDir });
  const cache = new MetadataCache();
  await createTenant(store, cache, "bench", { adminPassword: "bench-password" });
  const tenant = await store.tenant("bench");
  const admin = await findUserByUsername(tenant, "admin");
  if (admin === undefined) throw new Error("no admin");
  await putDraftDocument(tenant, "object", "deal", dealObject(), admin.id);
  await putDraftDocument(tenant, "listView", "openEastDeals", openDealsView(), admin.id);
  await publishDraft(tenant, { actor: admin.id });
  const metadata = await cache.current(tenant);
  if (metadata === undefined) throw new Error("no metadata");
  return {
    store,
    tenant,
    dataDir,
    ctx: systemContext(tenant, metadata, admin.id, "admin"),
    async close() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

/** A stored deal as the pipeline would produce it, for raw store inserts. */
export const storedDeal = (input: JsonObject, i: number, owner: string): StoredRecord => {
  const stamp = new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)).toISOString();
  const net = Math.round(Number(input.amount) * (1 - Number(input.discount) / 100) * 100) / 100;
  return {
    id: `D${String(i).padStart(25, "0")}`,
    version: 1,
    ownerId: owner,
    createdAt: stamp,
    createdBy: owner,
    updatedAt: stamp,
    updatedBy: owner,
    ...input,
    net,
  } as StoredRecord;
};
