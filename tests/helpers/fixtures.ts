/** R's reference numbers in ../shared/fixtures (beside the repository, as in CI), and the comparison rule. */
import fs from 'node:fs';
import path from 'node:path';

export const SHARED_FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
export const GERMAN_CSV = path.join(SHARED_FIXTURES, 'german_credit.csv');

export function germanReference(): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(SHARED_FIXTURES, 'german_reference.json'), 'utf8'));
}

/** Keys whose values are p-values (looser tolerance, as fixtures/README.md says). */
const P_VALUE_KEY = /^(pValue|fPValue|fisherP|fisherPAdjusted)$/;

/**
 * Asserts that `actual` reproduces `expected` (R's output) for every key R gives: relative 1e-6
 * for estimates, errors, statistics and intervals; 1e-4 for p-values (1e-2 below 1e-10).
 */
export function expectMatchesR(actual: unknown, expected: unknown, where = ''): void {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') throw new Error(`${where}: expected a number ${expected}, got ${String(actual)}`);
    const key = where.split('.').pop() ?? '';
    const tolerance = P_VALUE_KEY.test(key) ? (Math.abs(expected) < 1e-10 ? 1e-2 : 1e-4) : 1e-6;
    const relative = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
    if (!(relative <= tolerance || Math.abs(actual - expected) < 1e-12)) {
      throw new Error(`${where}: ${actual} differs from R's ${expected} (relative ${relative.toExponential(2)} > ${tolerance})`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) throw new Error(`${where}: expected ${expected.length} items, got ${Array.isArray(actual) ? actual.length : typeof actual}`);
    expected.forEach((item, index) => expectMatchesR(actual[index], item, `${where}[${index}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected)) {
      expectMatchesR((actual as Record<string, unknown> | undefined)?.[key], value, where ? `${where}.${key}` : key);
    }
    return;
  }
  if (actual !== expected) throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
