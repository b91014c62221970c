/**
 * A sample kept as value → count, with a streaming mean and variance (Welford 1962). Memory grows
 * with the number of distinct values, not rows; that is what the median and the ranks of the
 * Mann–Whitney test need.
 */
export class ValueCounts {
  readonly counts = new Map<number, number>();
  n = 0;
  mean = 0;
  private squares = 0;

  add(value: number): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.n += 1;
    const delta = value - this.mean;
    this.mean += delta / this.n;
    this.squares += delta * (value - this.mean);
  }

  /** Sample variance (n − 1), as R's `var`. */
  get variance(): number {
    return this.n > 1 ? this.squares / (this.n - 1) : Number.NaN;
  }

  sortedValues(): number[] {
    return [...this.counts.keys()].sort((first, second) => first - second);
  }

  /** The median as R computes it (the mean of the two middle values when n is even). */
  median(): number {
    const values = this.sortedValues();
    const lowerIndex = Math.floor((this.n - 1) / 2);
    const upperIndex = Math.floor(this.n / 2);
    let seen = 0;
    let lower = Number.NaN;
    for (const value of values) {
      const next = seen + this.counts.get(value)!;
      if (Number.isNaN(lower) && lowerIndex < next) lower = value;
      if (upperIndex < next) return (lower + value) / 2;
      seen = next;
    }
    return Number.NaN;
  }
}
