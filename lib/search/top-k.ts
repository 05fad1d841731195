/** The k largest entries by key, without sorting everything (a min-heap of size k). */
export class TopK<T> {
  private readonly keys: number[] = [];
  private readonly items: T[] = [];

  constructor(private readonly k: number) {}

  /** The smallest key that would still get in (or -Infinity while not full). */
  get floor(): number {
    return this.keys.length < this.k ? -Infinity : this.keys[0]!;
  }

  push(key: number, item: T): void {
    if (this.keys.length < this.k) {
      this.keys.push(key);
      this.items.push(item);
      this.up(this.keys.length - 1);
    } else if (key > this.keys[0]!) {
      this.keys[0] = key;
      this.items[0] = item;
      this.down(0);
    }
  }

  /** Entries, largest key first. */
  sorted(): Array<{ key: number; item: T }> {
    return this.keys.map((key, i) => ({ key, item: this.items[i]! })).sort((a, b) => b.key - a.key);
  }

  /** Plain assignments: a destructuring swap allocates an array each time, and a query swaps thousands of times. */
  private swap(a: number, b: number): void {
    const key = this.keys[a]!;
    this.keys[a] = this.keys[b]!;
    this.keys[b] = key;
    const item = this.items[a]!;
    this.items[a] = this.items[b]!;
    this.items[b] = item;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= this.keys[i]!) return;
      this.swap(parent, i);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.keys.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < n && this.keys[l]! < this.keys[min]!) min = l;
      if (r < n && this.keys[r]! < this.keys[min]!) min = r;
      if (min === i) return;
      this.swap(min, i);
      i = min;
    }
  }
}
