import fc from 'fast-check';
import { kAnonymise, type QuasiIdentifier } from '../../../src/privacy/k-anonymise';

const quasiIdentifiers: QuasiIdentifier[] = [
  { name: 'age_band', generalisation: { method: 'map', levels: [{ '18-24': '18-34', '25-34': '18-34', '35-44': '35-54', '45-54': '35-54' }] } },
  { name: 'sex', generalisation: { method: 'suppress' } },
  { name: 'postcode_region', generalisation: { method: 'truncate', lengths: [1] } },
];

function classSizes(rows: Array<Record<string, unknown>>): number[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify(quasiIdentifiers.map((qi) => row[qi.name] ?? null));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()];
}

describe('kAnonymise', () => {
  it('when one row is unique, then it is suppressed and counted, and the rest stay as given', () => {
    const rows = [
      ...Array.from({ length: 30 }, () => ({ age_band: '25-34', sex: 'female', postcode_region: '10', score: 1 })),
      ...Array.from({ length: 30 }, () => ({ age_band: '35-44', sex: 'male', postcode_region: '20', score: 2 })),
      { age_band: '45-54', sex: 'diverse', postcode_region: '99', score: 3 },
    ];
    const result = kAnonymise(rows, { k: 5, quasiIdentifiers });
    expect(result.suppressedRows).toBe(1);
    expect(result.rows).toHaveLength(60);
    expect(result.levels).toEqual({ age_band: 0, sex: 0, postcode_region: 0 });
  });

  it('when many classes are small, then the step that leaves the fewest rows in small classes is taken first', () => {
    const rows = Array.from({ length: 40 }, (_, index) => ({ age_band: index % 2 ? '18-24' : '25-34', sex: 'female', postcode_region: String(10 + (index % 20)) }));
    const result = kAnonymise(rows, { k: 5, quasiIdentifiers });
    expect(result.levels.postcode_region).toBe(1);
    expect(result.levels.sex).toBe(0);
    expect(result.rows[0].postcode_region).toBe('1');
    expect(Math.min(...classSizes(result.rows))).toBeGreaterThanOrEqual(5);
  });

  it('when a coarser level of one attribute alone makes classes big enough, then the others stay as given', () => {
    // 3 rows per age band and region: cutting regions to one digit merges nothing, merging the two
    // age bands makes classes of 6. Datafly alone would hide the region, which has more values.
    const rows = ['18-24', '25-34'].flatMap((age) => ['10', '20', '30', '40', '50', '60'].flatMap((region) => Array.from({ length: 3 }, () => ({ age_band: age, sex: 'female', postcode_region: region }))));
    const result = kAnonymise(rows, { k: 5, quasiIdentifiers });
    expect(result.levels).toEqual({ age_band: 1, sex: 0, postcode_region: 0 });
    expect(result.rows[0]).toEqual({ age_band: '18-34', sex: 'female', postcode_region: '10' });
    expect(result.suppressedRows).toBe(0);
  });

  it('when one person has many rows, then their class still needs k people', () => {
    const rows = [
      ...Array.from({ length: 10 }, () => ({ age_band: '25-34', sex: 'male', postcode_region: '10', donor: 'a' })),
      ...Array.from({ length: 10 }, (_, index) => ({ age_band: '35-44', sex: 'female', postcode_region: '20', donor: `b${index}` })),
    ];
    const result = kAnonymise(rows, { k: 5, quasiIdentifiers, personOf: (row) => String(row.donor), maxSuppressedShare: 0.5 });
    expect(result.suppressedRows).toBe(10);
    expect(result.rows.every((row) => row.donor !== 'a')).toBe(true);
  });

  it('when any table is anonymised, then no quasi-identifier combination has fewer than k rows', () => {
    const row = fc.record({
      age_band: fc.constantFrom('18-24', '25-34', '35-44', '45-54', 'not-stated'),
      sex: fc.constantFrom('female', 'male', 'diverse'),
      postcode_region: fc.stringMatching(/^[0-9]{2}$/),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (rows, k, share) => {
        const result = kAnonymise(rows, { k, quasiIdentifiers, maxSuppressedShare: share });
        expect(result.rows.length + result.suppressedRows).toBe(rows.length);
        for (const size of classSizes(result.rows)) expect(size).toBeGreaterThanOrEqual(k);
      }),
      { numRuns: 200 },
    );
  });
});
