/**
 * A small seeded PRNG for the demo data: the same seed always gives the same sequence, on every machine and Node
 * version (Math.random cannot be seeded). sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, from PractRand):
 * 128 bits of state, passes PractRand to terabytes, and is a handful of 32-bit integer operations per number.
 */

/** Mixes up to two 32-bit integers into one well-spread 32-bit value (murmur3's finaliser). */
export function mix32(a: number, b = 0): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A weighted choice prepared once (cumulative weights), then drawn many times with a binary search. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const kept = entries.filter(([, w]) => w > 0);
  if (kept.length === 0) throw new RangeError('A weighted table needs at least one positive weight');
  const cumulative = new Float64Array(kept.length);
  let total = 0;
  kept.forEach(([, w], i) => {
    if (!Number.isFinite(w)) throw new RangeError(`Weight must be finite: ${w}`);
    total += w;
    cumulative[i] = total;
  });
  return { values: kept.map(([v]) => v), cumulative, total };
}

export class Random {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream);
  }

  /**
   * Restarts the sequence for (seed, stream). The generator reseeds one Random per installation with its id as the
   * stream, so an installation's data depends only on the seed and its id, never on chunk size or order.
   */
  reseed(seed: number, stream = 0): void {
    this.a = mix32(seed, stream);
    this.b = mix32(this.a, 0x6a09e667);
    this.c = mix32(this.b, 0xbb67ae85);
    this.d = 1;
    // sfc32's authors discard the first outputs so that similar seeds diverge.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  real(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new RangeError('Cannot pick from an empty list');
    return values[Math.floor(this.next() * values.length)] as T;
  }

  weighted<T>(table: WeightedTable<T>): T {
    const target = this.next() * table.total;
    const { cumulative } = table;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return table.values[lo] as T;
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(values: T[]): T[] {
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = values[i] as T;
      values[i] = values[j] as T;
      values[j] = tmp;
    }
    return values;
  }

  /** Approximately normal (mean 0, sd 1): the sum of four uniforms is plenty for demo-data noise. */
  gaussian(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3);
  }
}
