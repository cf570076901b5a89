/**
 * A binary min-heap of string ids with O(log n) push, pop and remove-by-id.
 * Routing keeps one per queue (waiting interactions by arrival) and one per
 * queue (ready agents by load, then idle time), so no decision scans a list.
 */
export class IndexedHeap<T> {
  private ids: string[] = [];
  private keys: T[] = [];
  private index = new Map<string, number>();

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  peek(): string | undefined {
    return this.ids[0];
  }

  peekKey(): T | undefined {
    return this.keys[0];
  }

  keyOf(id: string): T | undefined {
    const at = this.index.get(id);
    return at === undefined ? undefined : this.keys[at];
  }

  /**
   * The best id `accept` takes. Ids are visited best-first through the heap's
   * tree, so the cost grows with the ids refused before it (a handful: an
   * interaction refuses only the agent who transferred it), not with the size.
   */
  firstWhere(accept: (id: string) => boolean): string | undefined {
    if (this.ids.length === 0) return undefined;
    if (accept(this.ids[0]!)) return this.ids[0];
    // Positions whose parent was refused, best first.
    const frontier = new IndexedHeap<T>(this.less);
    const visit = (at: number): void => {
      for (const child of [2 * at + 1, 2 * at + 2]) if (child < this.ids.length) frontier.set(String(child), this.keys[child]!);
    };
    visit(0);
    for (let next = frontier.pop(); next !== undefined; next = frontier.pop()) {
      const at = Number(next);
      if (accept(this.ids[at]!)) return this.ids[at];
      visit(at);
    }
    return undefined;
  }

  /** Inserts, or re-positions an id already present with its new key. */
  set(id: string, key: T): void {
    const at = this.index.get(id);
    if (at !== undefined) {
      this.keys[at] = key;
      this.up(at);
      this.down(this.index.get(id)!);
      return;
    }
    this.ids.push(id);
    this.keys.push(key);
    this.index.set(id, this.ids.length - 1);
    this.up(this.ids.length - 1);
  }

  pop(): string | undefined {
    const top = this.ids[0];
    if (top !== undefined) this.delete(top);
    return top;
  }

  delete(id: string): boolean {
    const at = this.index.get(id);
    if (at === undefined) return false;
    const last = this.ids.length - 1;
    this.swap(at, last);
    this.ids.pop();
    this.keys.pop();
    this.index.delete(id);
    if (at < this.ids.length) {
      this.up(at);
      this.down(at);
    }
    return true;
  }

  *[Symbol.iterator](): IterableIterator<string> {
    yield* this.ids;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.keys[i]!, this.keys[parent]!)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.ids.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(this.keys[l]!, this.keys[m]!)) m = l;
      if (r < n && this.less(this.keys[r]!, this.keys[m]!)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    if (a === b) return;
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    this.index.set(this.ids[a]!, a);
    this.index.set(this.ids[b]!, b);
  }
}
