import { blockKeysOf, firstFuzzyOf } from "./blocking.js";
import type { CompiledDuplicateRule } from "./duplicate-rules.js";
import { matchScore } from "./match-values.js";
import { ValueProfiles } from "./similarity-bound.js";

/** A record as the find job holds it: its id and its normalised values under one rule. */
export interface KeyedRecord {
  id: string;
  keys: readonly string[];
}

export interface FoundGroup {
  /** Ids ascending (oldest first, ids being ULIDs). */
  ids: string[];
  /** The weakest match that joined the group (0..1). */
  score: number;
}

/** Blocks up to this size are compared pair by pair; larger ones by a sliding window. */
const ALL_PAIRS_MAX = 32;
/** How many following records (sorted by value) each record of a large block is compared with. */
const WINDOW = 12;
/** Comparisons between two yields to the event loop, so a long job does not stall requests. */
const YIELD_EVERY = 4000;

/** Union-find over record indexes, remembering the weakest joining score of each group. */
class Groups {
  private readonly parent: Int32Array;
  private readonly weakest: Float64Array;

  constructor(size: number) {
    this.parent = new Int32Array(size).map((_, i) => i);
    this.weakest = new Float64Array(size).fill(1);
  }

  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    for (let at = i; at !== root; ) {
      const next = this.parent[at] as number;
      this.parent[at] = root;
      at = next;
    }
    return root;
  }

  join(a: number, b: number, score: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    const weakest = Math.min(this.weakest[ra] as number, this.weakest[rb] as number, score);
    if (ra !== rb) this.parent[rb] = ra;
    this.weakest[ra] = weakest;
  }

  weakestOf(root: number): number {
    return this.weakest[root] as number;
  }
}

/**
 * Pairs of indexes worth comparing: records sharing a blocking key. A block is compared pair by
 * pair when small; a large one is sorted by value and each record compared with the next WINDOW
 * (near-identical values sort next to each other), so no block costs more than size × WINDOW.
 */
const candidatePairs = function* (
  blocks: Iterable<number[]>,
  sortKey: (i: number) => string,
): Generator<[number, number]> {
  for (const members of blocks) {
    if (members.length < 2) continue;
    if (members.length <= ALL_PAIRS_MAX) {
      for (let i = 0; i < members.length; i += 1)
        for (let j = i + 1; j < members.length; j += 1) yield [members[i] as number, members[j] as number];
      continue;
    }
    const sorted = [...members].sort((a, b) =>
      sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a - b,
    );
    for (let i = 0; i < sorted.length; i += 1)
      for (let j = i + 1; j <= i + WINDOW && j < sorted.length; j += 1)
        yield [sorted[i] as number, sorted[j] as number];
  }
};

const addTo = (blocks: Map<string, number[]>, key: string, index: number): void => {
  const members = blocks.get(key);
  if (members === undefined) blocks.set(key, [index]);
  else members.push(index);
};

/** Records by block (see blockKeysOf): only records sharing a block are compared. */
const blocksOf = (rule: CompiledDuplicateRule, records: readonly KeyedRecord[]): Map<string, number[]> => {
  const blocks = new Map<string, number[]>();
  records.forEach((record, index) => {
    for (const key of blockKeysOf(rule, record.keys)) addTo(blocks, key, index);
  });
  return blocks;
};

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Groups of records that duplicate each other under `rule`: matching pairs (see matchScore) are
 * joined, so a group holds records linked by a chain of matches. Resolves the groups, largest
 * score first, and how many matching pairs were found.
 */
export const groupDuplicates = async (
  rule: CompiledDuplicateRule,
  records: readonly KeyedRecord[],
): Promise<{ groups: FoundGroup[]; pairs: number }> => {
  const groups = new Groups(records.length);
  const linked = new Uint8Array(records.length);
  const fuzzy = rule.conditions.some((c) => c.match === "fuzzy");
  const firstFuzzy = firstFuzzyOf(rule);
  const sortKey = (i: number) => records[i]?.keys[firstFuzzy] ?? "";
  const matched = new Set<number>();
  let pairs = 0;
  let work = 0;
  const blocks = blocksOf(rule, records);
  if (!fuzzy) {
    // Exact conditions only: a block's records all match each other.
    for (const members of blocks.values()) {
      if (members.length < 2) continue;
      const first = members[0] as number;
      for (const other of members.slice(1)) groups.join(first, other, 1);
      for (const member of members) linked[member] = 1;
      pairs += (members.length * (members.length - 1)) / 2;
    }
  } else {
    const threshold = rule.conditions[firstFuzzy]?.threshold ?? 1;
    const profiles = new ValueProfiles(records.length);
    records.forEach((_, i) => {
      profiles.set(i, sortKey(i));
    });
    for (const [a, b] of candidatePairs(blocks.values(), sortKey)) {
      const low = Math.min(a, b);
      const high = Math.max(a, b);
      work += 1;
      if (work % YIELD_EVERY === 0) await pause();
      const left = sortKey(low);
      const right = sortKey(high);
      if (left !== right && ValueProfiles.bound(profiles, low, left, profiles, high, right) < threshold)
        continue;
      const score = matchScore(rule, (records[low] as KeyedRecord).keys, (records[high] as KeyedRecord).keys);
      if (score === undefined) continue;
      // A pair in two blocks is compared twice (cheaper than remembering every pair compared), counted once.
      const pairKey = low * records.length + high;
      if (matched.has(pairKey)) continue;
      matched.add(pairKey);
      pairs += 1;
      groups.join(low, high, score);
      linked[low] = 1;
      linked[high] = 1;
    }
  }
  const members = new Map<number, string[]>();
  records.forEach((record, index) => {
    if (linked[index] !== 1) return;
    const root = groups.find(index);
    const ids = members.get(root);
    if (ids === undefined) members.set(root, [record.id]);
    else ids.push(record.id);
  });
  const found: FoundGroup[] = [];
  for (const [root, ids] of members) {
    if (ids.length < 2) continue;
    found.push({ ids: ids.sort(), score: Math.round(groups.weakestOf(root) * 1000) / 1000 });
  }
  found.sort(
    (a, b) =>
      b.score - a.score || b.ids.length - a.ids.length || (a.ids[0] ?? "").localeCompare(b.ids[0] ?? ""),
  );
  return { groups: found, pairs };
};
