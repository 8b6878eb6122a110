import { createHash } from 'node:crypto';

// Deterministic pseudo-random numbers (mulberry32), so a seed always yields the same data.
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// A token of `length` alphanumeric characters derived from the inputs.
export function deriveToken(length: number, ...parts: (string | number)[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  let token = '';
  for (let i = 0; i < length; i++) token += ALPHANUMERIC[digest[i % digest.length]! % ALPHANUMERIC.length];
  return token;
}
