/** Character counts are kept in this many buckets (by code point); sharing a bucket only raises the bound. */
export const PROFILE_SIZE = 64;
const SATURATED = 255;
const PREFIX = 4;
const PREFIX_SCALE = 0.1;

/**
 * Character profiles of many values in one buffer (PROFILE_SIZE counts per value, saturating at
 * 255) with their lengths in code points: what jaroWinklerBound compares, a few bytes per value.
 */
export class ValueProfiles {
  private counts: Uint8Array;
  private lengths: Uint32Array;

  constructor(capacity = 1024) {
    this.counts = new Uint8Array(Math.max(1, capacity) * PROFILE_SIZE);
    this.lengths = new Uint32Array(Math.max(1, capacity));
  }

  /** Profiles `value` at `slot` (growing the buffer as needed). */
  set(slot: number, value: string): void {
    if (slot >= this.lengths.length) {
      const capacity = Math.max(slot + 1, this.lengths.length * 2);
      const counts = new Uint8Array(capacity * PROFILE_SIZE);
      counts.set(this.counts);
      const lengths = new Uint32Array(capacity);
      lengths.set(this.lengths);
      this.counts = counts;
      this.lengths = lengths;
    }
    const offset = slot * PROFILE_SIZE;
    this.counts.fill(0, offset, offset + PROFILE_SIZE);
    let length = 0;
    for (const point of value) {
      const at = offset + ((point.codePointAt(0) ?? 0) % PROFILE_SIZE);
      if ((this.counts[at] as number) < SATURATED) this.counts[at] = (this.counts[at] as number) + 1;
      length += 1;
    }
    this.lengths[slot] = length;
  }

  /**
   * An upper bound of jaroWinkler(a, b) for the values profiled at `slotA` and `slotB` of two
   * profile sets, never below it, at a fraction of its cost: Jaro's matching characters are at
   * most the characters the values share (counted per bucket), Jaro grows with them (transpositions
   * only lower it), and the Winkler boost is at most the values' common prefix (given as strings).
   */
  static bound(
    x: ValueProfiles,
    slotA: number,
    a: string,
    y: ValueProfiles,
    slotB: number,
    b: string,
  ): number {
    const lengthA = x.lengths[slotA] ?? 0;
    const lengthB = y.lengths[slotB] ?? 0;
    if (lengthA === 0 || lengthB === 0) return lengthA === lengthB ? 1 : 0;
    let shared = 0;
    const offsetA = slotA * PROFILE_SIZE;
    const offsetB = slotB * PROFILE_SIZE;
    for (let i = 0; i < PROFILE_SIZE; i += 1) {
      const countA = x.counts[offsetA + i] as number;
      const countB = y.counts[offsetB + i] as number;
      if (countA === SATURATED || countB === SATURATED) return 1;
      shared += Math.min(countA, countB);
    }
    const matches = Math.min(shared, lengthA, lengthB);
    if (matches === 0) return 0;
    const jaro = (matches / lengthA + matches / lengthB + 1) / 3;
    // UTF-16 units: a common prefix counted so is never shorter than in code points.
    let prefix = 0;
    while (prefix < PREFIX && prefix < a.length && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix += 1;
    return jaro + prefix * PREFIX_SCALE * (1 - jaro);
  }
}
