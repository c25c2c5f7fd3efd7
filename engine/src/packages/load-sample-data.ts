import { isPlainObject, type JsonObject, type JsonValue } from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import { createRecord } from "../records/create-record.js";
import { transferOwnership } from "../records/record-sharing.js";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";
import type { TenantStore } from "../store/store-port.js";
import { systemContext } from "../tenancy/system-context.js";

export interface SampleDataResult {
  /** Records created, by object. */
  records: Record<string, number>;
}

const RELATIVE = /^([+-])(\d{1,5})([dhm])$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

const shifted = (now: Date, spec: string, path: string): Date => {
  if (spec === "now" || spec === "today") return now;
  const match = RELATIVE.exec(spec);
  if (match === null)
    throw sampleProblem(path, `"${spec}" is not a relative time like "+30d", "-4h" or "today".`);
  const [, sign, amount, unit] = match;
  const ms = Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return new Date(now.getTime() + (sign === "-" ? -ms : ms));
};

const sampleProblem = (path: string, message: string) =>
  new EngineError(422, "invalid", "The sample data is not valid", [
    { path, code: "sampleData.invalid", message },
  ]);

/** Replaces `{"$ref"}`, `{"$date"}` and `{"$datetime"}` markers; everything else is kept. */
const resolveValue = (
  value: JsonValue,
  keys: ReadonlyMap<string, string>,
  now: Date,
  path: string,
): JsonValue => {
  if (Array.isArray(value)) return value.map((v, i) => resolveValue(v, keys, now, `${path}/${i}`));
  if (!isPlainObject(value)) return value;
  const entries = Object.keys(value);
  if (entries.length === 1 && typeof value.$ref === "string") {
    const id = keys.get(value.$ref);
    if (id === undefined) throw sampleProblem(path, `No earlier record has the key "${value.$ref}".`);
    return id;
  }
  if (entries.length === 1 && typeof value.$date === "string")
    return shifted(now, value.$date, path).toISOString().slice(0, 10);
  if (entries.length === 1 && typeof value.$datetime === "string")
    return shifted(now, value.$datetime, path).toISOString();
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value))
    out[k] = resolveValue(v as JsonValue, keys, now, `${path}/${k}`);
  return out;
};

/**
 * Creates a package's sample records through the record pipeline (validation, rules, automations)
 * as the tenant's administrator, in file order. `{"$ref": key}` is the id of an earlier record,
 * `{"$date": "+30d"}` / `{"$datetime": "-4h"}` are relative to now, and `owner` transfers the
 * record to a user afterwards, as an administrator would.
 */
export const loadSampleData = async (
  store: TenantStore,
  metadata: CompiledMetadata,
  data: unknown,
  options: { actor: string; now?: () => Date },
): Promise<SampleDataResult> => {
  const records = isPlainObject(data) ? data.records : undefined;
  if (!Array.isArray(records)) throw sampleProblem("/records", "List the sample records in `records`.");
  const admin = await store.getRecord("user", options.actor);
  const ctx = systemContext(store, metadata, options.actor, String(admin?.username ?? "admin"));
  const now = (options.now ?? (() => new Date()))();
  const keys = new Map<string, string>();
  const counts: Record<string, number> = {};
  for (const [index, entry] of records.entries()) {
    const path = `/records/${index}`;
    if (!isPlainObject(entry) || typeof entry.object !== "string" || !isPlainObject(entry.values))
      throw sampleProblem(path, "Each sample record has `object` and `values`.");
    const values = resolveValue(entry.values as JsonObject, keys, now, `${path}/values`);
    const created = await createRecord(ctx, entry.object, values);
    const id = String(created.id);
    if (typeof entry.key === "string") {
      if (keys.has(entry.key)) throw sampleProblem(`${path}/key`, `The key "${entry.key}" is used twice.`);
      keys.set(entry.key, id);
    }
    if (entry.owner !== undefined) {
      const owner = resolveValue(entry.owner as JsonValue, keys, now, `${path}/owner`);
      await transferOwnership(ctx, entry.object, id, { ownerId: owner });
    }
    counts[entry.object] = (counts[entry.object] ?? 0) + 1;
  }
  return { records: counts };
};
