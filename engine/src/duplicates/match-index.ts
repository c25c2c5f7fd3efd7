import type { JsonObject } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import type { CompiledMetadata, CompiledObject } from "../registry/compiled-metadata.js";
import type { StoredRecord, TenantStore } from "../store/store-port.js";
import { blockKeysOf, firstFuzzyOf } from "./blocking.js";
import { activeDuplicateRulesOf, type CompiledDuplicateRule, ruleFields } from "./duplicate-rules.js";
import { matchKeys, matchScore } from "./match-values.js";
import { ValueProfiles } from "./similarity-bound.js";

/** Records held in all indexes of this process at most; the least recently used indexes go first. */
const MAX_INDEXED = 250_000;
/** How often an index reads what changed in the store (by `updatedAt`, which the store indexes). */
const SYNC_INTERVAL_MS = 1000;
/**
 * How far before the newest change seen a sync looks again: a write stamped earlier than one
 * already seen may commit later (another app server, a slower transaction).
 */
const SYNC_MARGIN_MS = 3000;
/** A long sync (many recent writes) waits this many times its duration before the next one. */
const SYNC_COST_SHARE = 10;
/** An index is built anew after this long, which also catches writes that kept an old `updatedAt`. */
const REBUILD_AFTER_MS = 10 * 60_000;
const PAGE = 5000;
/** Changed records one sync reads at most; more, and the index is built anew. */
const MAX_SYNCED = 20_000;

/** Joins a record's normalised values (one per condition) into one string, the form an index keeps. */
const SEPARATOR = "\u001f";

interface RuleIndex {
  rule: CompiledDuplicateRule;
  /** The first fuzzy condition, and its threshold (undefined: the rule is exact). */
  fuzzy: number;
  threshold: number | undefined;
  /** Each slot's stored values, joined; undefined: none (an empty value, or a forgotten record). */
  values: Array<string | undefined>;
  /** Values of writes noted before the store had them, besides the stored ones. */
  noted: Map<number, string[]>;
  /** Slots by block (blockKeysOf). A slot may stay in a block its values left: scoring uses the values. */
  blocks: Map<string, number[]>;
  /** Profiles of the stored first fuzzy values, by slot (fuzzy rules only). */
  profiles: ValueProfiles | undefined;
}

const FREE = -2;
const UNKNOWN = -1;

/**
 * The normalised values of one object's records under its active rules, kept in memory (a few
 * hundred bytes a record) so saving a record compares it with every record without a store scan.
 * Eventually consistent: it reads what changed at most every SYNC_INTERVAL_MS, and knows its own
 * process's writes at once. A candidate it proposes is always checked against the stored record, so
 * a stale entry costs a read, never a false match; a record written elsewhere in the last moment
 * may be missed (the find-duplicates job reads everything).
 */
export class MatchIndex {
  readonly rules: RuleIndex[];
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  private versions = new Int32Array(1024);
  /** Candidates seen in the current `candidates` call, by slot: `seen[slot] === visit`. */
  private seen = new Uint32Array(1024);
  private visit = 0;
  private syncedTo = "";
  private syncedAt = 0;
  private interval = SYNC_INTERVAL_MS;
  private readonly builtAt = Date.now();
  private expired = false;
  private syncing: Promise<void> | undefined;

  constructor(
    readonly object: string,
    rules: readonly CompiledDuplicateRule[],
  ) {
    this.rules = rules.map((rule) => {
      const fuzzy = firstFuzzyOf(rule);
      const condition = rule.conditions[fuzzy];
      const threshold = condition?.match === "fuzzy" ? condition.threshold : undefined;
      return {
        rule,
        fuzzy,
        threshold,
        values: [],
        noted: new Map(),
        blocks: new Map(),
        profiles: threshold === undefined ? undefined : new ValueProfiles(),
      };
    });
  }

  /** Records held. */
  get size(): number {
    return this.slots.size;
  }

  get stale(): boolean {
    return this.expired || Date.now() - this.builtAt > REBUILD_AFTER_MS;
  }

  private fields(): string[] {
    return [...new Set(this.rules.flatMap((r) => ruleFields(r.rule)))];
  }

  private slotOf(id: string): number {
    const known = this.slots.get(id);
    if (known !== undefined) return known;
    const slot = this.ids.length;
    this.ids.push(id);
    this.slots.set(id, slot);
    if (slot >= this.versions.length) {
      const versions = new Int32Array(this.versions.length * 2);
      versions.set(this.versions);
      this.versions = versions;
      this.seen = new Uint32Array(versions.length);
      this.visit = 0;
    }
    this.versions[slot] = UNKNOWN;
    return slot;
  }

  private enter(index: RuleIndex, slot: number, keys: readonly string[]): void {
    for (const block of blockKeysOf(index.rule, keys)) {
      const members = index.blocks.get(block);
      if (members === undefined) index.blocks.set(block, [slot]);
      else if (members.at(-1) !== slot) members.push(slot);
    }
  }

  /** Indexes a record's values: as stored (replacing what was known), or noted besides them. */
  private index(slot: number, values: JsonObject, stored: boolean): void {
    for (const index of this.rules) {
      const keys = matchKeys(index.rule, values);
      const joined = keys?.join(SEPARATOR);
      if (stored) {
        index.noted.delete(slot);
        if (index.values[slot] === joined) continue;
        index.values[slot] = joined;
        if (keys === undefined) continue;
        index.profiles?.set(slot, keys[index.fuzzy] ?? "");
      } else {
        if (keys === undefined || joined === undefined) continue;
        const noted = index.noted.get(slot) ?? [];
        if (index.values[slot] === joined || noted.includes(joined)) continue;
        index.noted.set(slot, [...noted, joined]);
      }
      this.enter(index, slot, keys);
    }
  }

  private stored(record: StoredRecord): void {
    const slot = this.slotOf(record.id);
    this.index(slot, record, true);
    this.versions[slot] = record.version;
    if (record.updatedAt > this.syncedTo) this.syncedTo = record.updatedAt;
  }

  /** A record this process is writing (or restoring), known before the store has it. */
  note(id: string, values: JsonObject): void {
    // Its version stays unknown: the next sync reads the stored record once it is there.
    this.index(this.slotOf(id), values, false);
  }

  /** A record the store no longer has. */
  forget(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    for (const index of this.rules) {
      index.values[slot] = undefined;
      index.noted.delete(slot);
    }
    this.versions[slot] = FREE;
    this.slots.delete(id);
  }

  async load(store: TenantStore): Promise<void> {
    const fields = this.fields();
    for (let after: string | undefined; ; ) {
      const page = await store.findRecords(this.object, {
        sort: [],
        limit: PAGE,
        fields,
        ...(after !== undefined && { after: [after] }),
      });
      for (const record of page.records) this.stored(record);
      after = page.records.at(-1)?.id;
      if (!page.hasMore || after === undefined) break;
    }
    this.syncedAt = Date.now();
  }

  /** Reads the records changed since the last sync (ids and versions first, then what changed). */
  sync(store: TenantStore): Promise<void> {
    if (Date.now() - this.syncedAt < this.interval) return Promise.resolve();
    this.syncing ??= this.readChanges(store).finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  private async readChanges(store: TenantStore): Promise<void> {
    const started = Date.now();
    const since =
      this.syncedTo === "" ? "" : new Date(Date.parse(this.syncedTo) - SYNC_MARGIN_MS).toISOString();
    // Newest first, as the store's updatedAt index runs: one range read, however many changed.
    const recent = await store.findRecords(this.object, {
      filter: { op: "compare", field: "updatedAt", operator: ">=", value: since },
      sort: [{ field: "updatedAt", direction: "desc" }],
      limit: MAX_SYNCED,
      fields: [],
    });
    // More changes than a sync reads (a bulk load elsewhere): the index is built anew.
    if (recent.hasMore) this.expired = true;
    const changed = recent.records
      .filter((r) => {
        const slot = this.slots.get(r.id);
        return slot === undefined || this.versions[slot] !== r.version;
      })
      .map((r) => r.id);
    const fields = this.fields();
    for (let i = 0; i < changed.length; i += PAGE) {
      const page = await store.findRecords(this.object, {
        filter: { op: "in", field: "id", values: changed.slice(i, i + PAGE) },
        sort: [],
        limit: PAGE,
        fields,
      });
      for (const record of page.records) this.stored(record);
    }
    this.syncedAt = started;
    this.interval = Math.max(SYNC_INTERVAL_MS, (Date.now() - started) * SYNC_COST_SHARE);
  }

  /**
   * Records that may match `keys` under the rule at `ruleIndex`, best first, at most `limit`: those
   * sharing a block whose known values score (see matchScore).
   */
  candidates(ruleIndex: number, keys: readonly string[], limit: number): string[] {
    const index = this.rules[ruleIndex];
    if (index === undefined) return [];
    const { rule, fuzzy, threshold } = index;
    const value = keys[fuzzy] ?? "";
    const single = rule.conditions.length === 1;
    const query = threshold === undefined ? undefined : new ValueProfiles(1);
    query?.set(0, value);
    this.visit += 1;
    if (this.visit === 0xffffffff) {
      this.seen.fill(0);
      this.visit = 1;
    }
    const scored: Array<[string, number]> = [];
    const score = (joined: string, slot: number | undefined): number | undefined => {
      const known = single ? [joined] : joined.split(SEPARATOR);
      const other = known[fuzzy] ?? "";
      if (query !== undefined && threshold !== undefined && other !== value) {
        // Stored values have a profile; a noted one (rare) is profiled now.
        let profiles = index.profiles;
        let at = slot ?? 0;
        if (slot === undefined || profiles === undefined) {
          profiles = new ValueProfiles(1);
          profiles.set(0, other);
          at = 0;
        }
        if (ValueProfiles.bound(query, 0, value, profiles, at, other) < threshold) return undefined;
      }
      return matchScore(rule, keys, known);
    };
    for (const block of blockKeysOf(rule, keys)) {
      for (const slot of index.blocks.get(block) ?? []) {
        if (this.seen[slot] === this.visit || this.versions[slot] === FREE) continue;
        this.seen[slot] = this.visit;
        const stored = index.values[slot];
        let best = stored === undefined ? undefined : score(stored, slot);
        for (const noted of index.noted.get(slot) ?? []) {
          const s = score(noted, undefined);
          if (s !== undefined && (best === undefined || s > best)) best = s;
        }
        if (best !== undefined) scored.push([this.ids[slot] as string, best]);
      }
    }
    return scored
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([id]) => id);
  }
}

interface Held {
  index: MatchIndex;
  ready: boolean;
  usedAt: number;
  /** A stale index goes on serving while its replacement is built. */
  replacing?: boolean;
}

const held = new WeakMap<CompiledMetadata, Map<string, Held>>();
/** Every held index, least recently used first, for eviction. */
const lru = new Map<Held, { metadata: CompiledMetadata; key: string }>();
/** Objects too large to hold, by metadata version; their saves search the store instead. */
const tooLarge = new WeakMap<CompiledMetadata, Set<string>>();

const drop = (entry: Held): void => {
  const where = lru.get(entry);
  if (where !== undefined && held.get(where.metadata)?.get(where.key) === entry)
    held.get(where.metadata)?.delete(where.key);
  lru.delete(entry);
};

/** Indexes unused this long are dropped (with them, the metadata version they hold on to). */
const IDLE_MS = 10 * 60_000;

const evictIdle = (keep: Held): void => {
  const idleSince = Date.now() - IDLE_MS;
  // Deleting while iterating a Map is safe: deleted entries are not visited.
  for (const entry of lru.keys()) {
    if (entry.usedAt >= idleSince) return;
    if (entry !== keep) drop(entry);
  }
};

const evict = (keep: Held): void => {
  evictIdle(keep);
  let total = 0;
  for (const entry of lru.keys()) total += entry.index.size;
  for (const entry of lru.keys()) {
    if (total <= MAX_INDEXED) return;
    if (entry === keep) continue;
    total -= entry.index.size;
    drop(entry);
  }
};

/**
 * Builds the index of an object in the background (saves search the store until it is ready), or
 * the replacement of a stale one (which serves meanwhile).
 */
const build = (ctx: RecordContext, object: CompiledObject, key: string, current?: Held): void => {
  const { store, metadata } = ctx;
  const byObject = held.get(metadata) ?? new Map<string, Held>();
  held.set(metadata, byObject);
  const entry: Held = {
    index: new MatchIndex(object.name, activeDuplicateRulesOf(metadata, object.name)),
    ready: false,
    usedAt: Date.now(),
  };
  if (current === undefined) {
    byObject.set(key, entry);
    lru.set(entry, { metadata, key });
  } else {
    current.replacing = true;
  }
  void (async () => {
    if ((await store.countRecords(object.name)) > MAX_INDEXED) {
      tooLarge.set(metadata, (tooLarge.get(metadata) ?? new Set()).add(object.name));
      drop(entry);
      if (current !== undefined) drop(current);
      return;
    }
    await entry.index.load(store);
    entry.ready = true;
    if (current !== undefined) drop(current);
    byObject.set(key, entry);
    lru.set(entry, { metadata, key });
    evict(entry);
  })().catch(() => {
    // A failed build (the store closing, say) is tried again by a later save.
    if (current === undefined) drop(entry);
    else current.replacing = false;
  });
};

/**
 * The match index of `object` in this tenant and metadata version, synced with the store; undefined
 * while it is first built (in the background), when the object has no active rule, or when it is
 * too large to hold: the caller then searches the store.
 */
export const matchIndexOf = async (
  ctx: RecordContext,
  object: CompiledObject,
): Promise<MatchIndex | undefined> => {
  if (activeDuplicateRulesOf(ctx.metadata, object.name).length === 0) return undefined;
  if (tooLarge.get(ctx.metadata)?.has(object.name)) return undefined;
  const key = `${ctx.store.tenant}:${object.name}`;
  const entry = held.get(ctx.metadata)?.get(key);
  if (entry === undefined) {
    build(ctx, object, key);
    return undefined;
  }
  if (!entry.ready) return undefined;
  if (entry.index.stale && entry.replacing !== true) build(ctx, object, key, entry);
  await entry.index.sync(ctx.store);
  // Most recently used last (unless its replacement took its place meanwhile).
  entry.usedAt = Date.now();
  if (lru.delete(entry)) lru.set(entry, { metadata: ctx.metadata, key });
  evictIdle(entry);
  return entry.index;
};

/** The index of `object` if one is held (a write to note), without loading one. */
export const heldMatchIndex = (ctx: RecordContext, object: string): MatchIndex | undefined =>
  held.get(ctx.metadata)?.get(`${ctx.store.tenant}:${object}`)?.index;
