import { performance } from "node:perf_hooks";

/** Throughput of `body` over `count` items, best of `rounds` (after one warm-up round). */
export const throughput = (
  count: number,
  rounds: number,
  body: () => void,
): { opsPerSec: number; msPerRound: number } => {
  body();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r += 1) {
    const start = performance.now();
    body();
    best = Math.min(best, performance.now() - start);
  }
  return { opsPerSec: Math.round((count / best) * 1000), msPerRound: Number(best.toFixed(2)) };
};

/** p50/p95/p99 of samples in milliseconds. */
export const percentiles = (samples: number[]): { p50: number; p95: number; p99: number } => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(3));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
};

/** A small deterministic PRNG (mulberry32) so every run measures the same data. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
