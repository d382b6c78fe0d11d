/**
 * A small seeded PRNG (mulberry32) for the synthetic population: the same
 * seed always gives the same data, whatever order people are generated in,
 * because each person's stream is derived from (seed, person index, purpose).
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Derives an independent stream for a named purpose (`tax`, `courts`, ...). */
  static forKey(seed: number, ...parts: (string | number)[]): Rng {
    let h = 2166136261 ^ seed;
    for (const ch of parts.join('|')) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 16777619);
    }
    return new Rng(h >>> 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An ISO date uniformly between two ISO dates. */
  dateBetween(from: string, to: string): string {
    const a = Date.parse(from);
    const b = Date.parse(to);
    return new Date(a + Math.floor(this.next() * (b - a))).toISOString().slice(0, 10);
  }
}
