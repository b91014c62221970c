/**
 * The mid-rank percentile of a target value among a stream of values, in O(1) memory:
 * 100 · (#below + ½ #equal) / n. Ties share the middle, so a value among identical values
 * stands at 50, not 0 or 100.
 */
export class MidRankPercentile {
  private below = 0;
  private equal = 0;
  private count = 0;

  constructor(private readonly target: number) {}

  add(value: number): void {
    this.count += 1;
    if (value < this.target) this.below += 1;
    else if (value === this.target) this.equal += 1;
  }

  get percentile(): number | null {
    return this.count === 0 || !Number.isFinite(this.target) ? null : (100 * (this.below + this.equal / 2)) / this.count;
  }
}
