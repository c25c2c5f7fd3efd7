import type { JsonObject } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { StoredRecord } from "../store/store-port.js";
import { candidateFilter } from "./candidate-filter.js";
import { activeDuplicateRulesOf, type CompiledDuplicateRule, ruleFields } from "./duplicate-rules.js";
import { heldMatchIndex, type MatchIndex, matchIndexOf } from "./match-index.js";
import { matchKeys, matchScore } from "./match-values.js";

/** Stored records compared per rule when one record is saved or checked. */
export const CANDIDATE_LIMIT = 200;

/** A stored record a rule finds like the values being saved. */
export interface DuplicateMatch {
  rule: CompiledDuplicateRule;
  id: string;
  score: number;
}

export interface MatchOptions {
  /** The record being saved (never its own duplicate). */
  recordId?: string;
  /** Records that do not count (those a merge is about to delete). */
  exclude?: readonly string[];
  /** On an update, only rules comparing one of these fields are checked. */
  changed?: ReadonlySet<string>;
}

interface Wanted {
  rule: CompiledDuplicateRule;
  /** The rule's place among the object's active rules (and in its match index). */
  position: number;
  keys: string[];
}

/** Candidates of each wanted rule, from the object's match index, as stored now. */
const indexedCandidates = async (
  ctx: RecordContext,
  object: CompiledObject,
  index: MatchIndex,
  wanted: readonly Wanted[],
  skipped: ReadonlySet<string>,
): Promise<StoredRecord[][]> => {
  const proposed = wanted.map((w) =>
    index.candidates(w.position, w.keys, CANDIDATE_LIMIT + skipped.size).filter((id) => !skipped.has(id)),
  );
  const ids = [...new Set(proposed.flat())];
  const stored = new Map((await ctx.store.getRecords(object.name, ids)).map((r) => [r.id, r]));
  for (const id of ids) if (!stored.has(id)) index.forget(id);
  return proposed.map((list) => list.flatMap((id) => stored.get(id) ?? []));
};

/** Candidates of a rule searched in the store (see candidateFilter). */
const searchedCandidates = async (ctx: RecordContext, object: CompiledObject, w: Wanted) => {
  const filter = candidateFilter(w.rule, w.keys);
  if (filter === undefined) return [];
  const page = await ctx.store.findRecords(object.name, {
    filter,
    sort: [],
    limit: CANDIDATE_LIMIT,
    fields: ruleFields(w.rule),
  });
  return page.records;
};

/**
 * Stored records of `object` that active duplicate rules find like `values`, best match first per
 * rule. Candidates come from the object's match index (match-index.ts), or, while it is built or
 * for an object too large to hold, from a store search (candidate-filter.ts); at most
 * CANDIDATE_LIMIT per rule are compared, always as they are stored now. Reads every record,
 * whoever the user is: the caller decides what the user may learn of the matches.
 */
export const findDuplicateMatches = async (
  ctx: RecordContext,
  object: CompiledObject,
  values: JsonObject,
  options: MatchOptions = {},
): Promise<DuplicateMatch[]> => {
  const skipped = new Set([
    ...(options.exclude ?? []),
    ...(options.recordId === undefined ? [] : [options.recordId]),
  ]);
  const wanted = activeDuplicateRulesOf(ctx.metadata, object.name).flatMap((rule, position): Wanted[] => {
    if (options.changed !== undefined && !rule.conditions.some((c) => options.changed?.has(c.field)))
      return [];
    if (ctx.duplicateAlerts === false && rule.action === "alert") return [];
    const keys = matchKeys(rule, values);
    return keys === undefined ? [] : [{ rule, position, keys }];
  });
  if (wanted.length === 0) return [];
  const index = await matchIndexOf(ctx, object);
  const candidates =
    index === undefined
      ? await Promise.all(wanted.map((w) => searchedCandidates(ctx, object, w)))
      : await indexedCandidates(ctx, object, index, wanted, skipped);
  const matches: DuplicateMatch[] = [];
  wanted.forEach(({ rule, keys }, i) => {
    const found: DuplicateMatch[] = [];
    for (const candidate of candidates[i] ?? []) {
      if (skipped.has(candidate.id)) continue;
      const candidateKeys = matchKeys(rule, candidate);
      const score = candidateKeys === undefined ? undefined : matchScore(rule, keys, candidateKeys);
      if (score !== undefined) found.push({ rule, id: candidate.id, score });
    }
    found.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    matches.push(...found);
  });
  return matches;
};

/**
 * Tells the object's match index (when this process holds one) about a record being written, so
 * the next save compares with it before the index reads it from the store.
 */
export const noteWrite = (ctx: RecordContext, object: string, recordId: string, values: JsonObject): void => {
  heldMatchIndex(ctx, object)?.note(recordId, values);
};
