/** twoSampleSizes against R's power.prop.test and power.t.test (tests/fixtures/power/make-power.R). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { twoSampleSizes } from '../../../analysis/power-two-sample';

interface PowerReference {
  proportions: Array<{ p1: number; p2: number; n: number }>;
  means: Array<{ delta: number; sd: number; n: number }>;
}

const reference = JSON.parse(readFileSync(join(__dirname, '../../fixtures/power/power-reference.json'), 'utf8')) as PowerReference;

describe('two-sample sizes agree with R', () => {
  /** The smallest equal size m for which the group needs no more than m when the reference has m. */
  const equalAllocation = (groupVariance: number, referenceVariance: number, gap: number): number => {
    let size = 1;
    while (twoSampleSizes({ groupVariance, referenceVariance, referenceSize: size, gap }).groupSize > size) size += 1;
    return size;
  };

  test.each(reference.proportions)('when rates $p1 and $p2 are compared in equal groups, then the size is within 1% of power.prop.test ($n)', ({ p1, p2, n }) => {
    // R pools the variance under the null hypothesis; we use each group's own, so they differ by under 1%.
    const size = equalAllocation(p1 * (1 - p1), p2 * (1 - p2), Math.abs(p1 - p2));
    expect(Math.abs(size - n) / n).toBeLessThan(0.01);
  });

  test.each(reference.means)('when means differ by $delta with sd $sd in equal groups, then each group is within 2 of power.t.test ($n)', ({ delta, sd, n }) => {
    // An empty reference makes both groups grow with half the variance budget each: equal allocation.
    // R uses the noncentral t distribution, so it asks for one or two more records than the normal approximation.
    const sizes = twoSampleSizes({ groupVariance: sd * sd, referenceVariance: sd * sd, referenceSize: 0, gap: delta });
    expect(sizes.groupSize).toBe(sizes.referenceSize);
    expect(Math.abs(sizes.groupSize - n)).toBeLessThanOrEqual(2);
    expect(sizes.groupSize).toBeLessThanOrEqual(Math.ceil(n));
  });
});
