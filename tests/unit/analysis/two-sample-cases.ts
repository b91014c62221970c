/** R's two-sample cases (Welch, Mann–Whitney, Cohen's d) as value-count samples. */
import { ValueCounts } from '../../../analysis/value-counts';
import { groupMethodsReference } from '../../helpers/group-methods-reference';

export interface TwoSampleCase {
  name: string;
  sample: ValueCounts;
  reference: ValueCounts;
  expected: { median: number; sd: number; welch: Record<string, number>; mannWhitney: Record<string, number>; cohensD: number };
}

export function valueCountsOf(values: readonly number[]): ValueCounts {
  const counts = new ValueCounts();
  for (const value of values) counts.add(value);
  return counts;
}

export function twoSampleCases(): TwoSampleCase[] {
  const cases = groupMethodsReference().methods.twoSample as Array<{ x: number[]; y: number[] } & TwoSampleCase['expected']>;
  return cases.map(({ x, y, ...expected }) => ({ name: `n = ${x.length} vs ${y.length}`, sample: valueCountsOf(x), reference: valueCountsOf(y), expected }));
}
