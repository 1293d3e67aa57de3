/** MPAN / MPRN: unique, deterministic, realistic-looking. */
import { mix32 } from './random';

const HALF = 131_072; // 2^17: the Feistel network permutes 34-bit numbers as two 17-bit halves

/** A keyed permutation of [0, 2^34): four Feistel rounds. */
function permute34(x: number, key: number): number {
  let left = Math.floor(x / HALF);
  let right = x % HALF;
  for (let round = 0; round < 4; round++) {
    const next = left ^ (mix32(right, key + round) & (HALF - 1));
    left = right;
    right = next;
  }
  return left * HALF + right;
}

/** Cycle-walks the permutation until the value falls in [min, max): a permutation of that range, so unique. */
function permuteInRange(start: number, key: number, min: number, max: number): number {
  let x = start;
  do x = permute34(x, key);
  while (x < min || x >= max);
  return x;
}

const MPAN_PRIMES = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43];
/** GB distributor ids (the first two digits of an MPAN core). */
const DISTRIBUTOR_IDS = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];

/** A 13-digit MPAN core: distributor id, 10 unique digits, and the standard modulus-11 check digit. */
export function mpanFor(id: number, seed: number): string {
  const distributor = DISTRIBUTOR_IDS[mix32(id, seed ^ 0x51ed27) % DISTRIBUTOR_IDS.length] as number;
  const body = `${distributor}${String(permuteInRange(id, seed ^ 0x1f83d9ab, 0, 1e10)).padStart(10, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (body.charCodeAt(i) - 48) * (MPAN_PRIMES[i] as number);
  return `${body}${(sum % 11) % 10}`;
}

/** An MPRN of 6 to 10 digits (mostly 10), unique per id. */
export function mprnFor(id: number, seed: number): string {
  return String(permuteInRange(id + 100_000, seed ^ 0x5be0cd19, 100_000, 1e10));
}
