/**
 * Warnings about groups too small to describe or test: the principle "never publish a small
 * group" (groups under k rows) and Cochran's rule for the chi-square approximation (expected
 * counts under 5; Cochran 1954, Biometrics 10:417–451).
 */

/**
 * One warning per group with fewer than k rows: its numbers are unstable and must not be published.
 * @throws RangeError when k is not a positive integer.
 * @example smallGroupWarnings([{ group: 'rent', n: 3 }], 5) // ['Group "rent" has 3 rows, fewer than k = 5: …']
 */
export function smallGroupWarnings(groups: ReadonlyArray<{ group: string; n: number }>, minGroupSize: number): string[] {
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) throw new RangeError(`The minimum group size k must be a whole number of at least 1 (got ${minGroupSize}).`);
  return groups
    .filter((group) => group.n < minGroupSize)
    .map((group) => `Group "${group.group}" has ${group.n} rows, fewer than k = ${minGroupSize}: its numbers are unreliable and must not be published.`);
}

/**
 * A warning when the chi-square test's smallest expected cell count is under 5: its p-value is
 * then only approximate, and the exact (Fisher) tests are the ones to rely on.
 * @example expectedCellWarnings(2.4) // ['An expected cell count is 2.40 (under 5): …']
 */
export function expectedCellWarnings(smallestExpected: number | undefined): string[] {
  if (smallestExpected === undefined || smallestExpected >= 5) return [];
  return [`An expected cell count is ${smallestExpected.toFixed(2)} (under 5): the chi-square p-value is approximate; rely on the exact Fisher tests.`];
}
