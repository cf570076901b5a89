/** A step of a random command sequence, and the seeded choices that draw it (shared by model-kit and model-phone). */
import type { Command } from '../../src/engine/index.js';

export class Rng {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type Step = { kind: 'cmd'; cmd: Command } | { kind: 'advance'; ms: number };
