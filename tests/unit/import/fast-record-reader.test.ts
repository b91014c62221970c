import fc from 'fast-check';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import type { Campaign, CampaignField } from '../../../src/campaigns/types';
import { matchCsvColumns } from '../../../src/csv/campaign-csv-columns';
import { checkCsvRow } from '../../../src/csv/check-csv-row';
import { SeededRandom } from '../../../src/demo/random';
import { syntheticPerson, syntheticRecord } from '../../../src/demo/synthetic-record';
import { compileFastRecordReader } from '../../../src/import/fast-record-reader';
import { decodeImportBatch, encodeRecordValues } from '../../../src/storage/import-batch-codec';

const campaigns = loadCampaigns();

/** Cells a survey may hold for a field: mostly valid ones in several spellings, sometimes near misses. */
function cellFor(field: CampaignField): fc.Arbitrary<string> {
  const nearMisses = fc.constantFrom('', ' ', 'NA', 'n/a', '=1+1', '-', 'x');
  return fc.oneof({ weight: 40, arbitrary: validLooking(field) }, { weight: 1, arbitrary: nearMisses });
}

function validLooking(field: CampaignField): fc.Arbitrary<string> {
  const { minimum = -1e6, maximum = 1e6, enum: levels } = field.constraints;
  if (levels) return fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...levels) }, { weight: 1, arbitrary: fc.constantFrom(...levels).map((level) => ` ${level.toUpperCase()} `) });
  switch (field.type) {
    case 'integer':
    case 'number':
      return fc.oneof(
        { weight: 10, arbitrary: fc.integer({ min: Math.ceil(minimum) - 1, max: Math.floor(Math.min(maximum, 1e9)) + 1 }).map(String) },
        { weight: 5, arbitrary: fc.double({ min: minimum - 1, max: Math.min(maximum, 1e9) + 1, noNaN: true }).map(String) },
        { weight: 5, arbitrary: fc.double({ min: minimum, max: Math.min(maximum, 1e6), noNaN: true }).map((value) => value.toFixed(2).replace('.', ',')) },
        { weight: 2, arbitrary: fc.constantFrom('+5', '05', '1.50', '1e3', '0.0000001', '0.000001', '-0', '0,5', '.5', '5.', '12345678901234567', '1.0000000000000002', '1.00000000000000001', '0.12345678901234567', '123456789012345', 'Infinity', '0x10') },
      );
    case 'boolean':
      return fc.constantFrom('yes', 'no', 'Ja', 'NEIN', 'oui', 'non', 'true', 'FALSE', '1', '0', 'y', 'x', 'on', 'off', 'maybe');
    case 'yearmonth':
      return fc.constantFrom('2026-03', '2026-12', '2024-01', '2099-01', '2026-13', '2026-00', '2026-3', '26-03', '2026-03-01');
    default:
      return fc.string({ maxLength: 6 });
  }
}

/** A plausible row (the demo generator's) with up to three cells replaced by tricky ones. */
function rowArbitrary(campaign: Campaign): fc.Arbitrary<string[]> {
  const fields = campaign.schema.fields;
  const replacement = fc.integer({ min: 0, max: fields.length - 1 }).chain((position) => cellFor(fields[position]).map((cell) => [position, cell] as const));
  return fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.array(replacement, { maxLength: 3 }), fc.array(fc.constantFrom('', ' ', 'extra'), { maxLength: 2 }))
    .map(([seed, replacements, extra]) => {
      const random = new SeededRandom(seed);
      const now = new Date(Date.UTC(2026, 10, 1));
      const record = syntheticRecord(campaign, random, now, syntheticPerson(campaign, random, now));
      const cells = fields.map((field) => {
        const value = record[field.name];
        return value === undefined ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
      });
      for (const [position, cell] of replacements) cells[position] = cell;
      return [...cells, ...extra];
    });
}

function expectSameAsSchema(campaign: Campaign): void {
  const columns = matchCsvColumns(campaign, campaign.schema.fields.map((field) => field.name));
  const reader = compileFastRecordReader(campaign, columns);
  const row = rowArbitrary(campaign);
  let fast = 0;
  fc.assert(fc.property(row, (cells) => {
    const stored = reader.read(cells);
    if (stored === undefined) return;
    fast += 1;
    const check = checkCsvRow(campaign, columns, cells, 0);
    // Whatever the fast path accepts, the schema accepts too, and stores as the same text.
    expect(check.issues).toBeUndefined();
    expect(stored).toBe(encodeRecordValues(reader.layout, check.record!));
  }), { numRuns: 5_000, seed: 20261123 });
  expect(fast).toBeGreaterThan(1_000);
}

describe('the fast record reader', () => {
  test.each(['platform-decisions', 'credit-scores'])('when a %s row is read fast, then it is exactly what the campaign schema makes of it', (slug) => {
    expectSameAsSchema(campaigns.get(slug)!);
  });

  test('when a row is plainly valid, then it is read fast; when unsure, it is left to the schema', () => {
    const campaign = campaigns.get('platform-decisions')!;
    const header = ['platform', 'month', 'decision_type', 'adverse', 'pay_cents', 'distance_km', 'age_band', 'sex', 'nationality', 'migration_background'];
    const reader = compileFastRecordReader(campaign, matchCsvColumns(campaign, header));
    const readFast = (cells: string[]) => reader.read(cells);
    // What the stored text means, read back as the analyses read it.
    const decoded = (cells: string[]) => decodeImportBatch(JSON.stringify(reader.layout), `[${readFast(cells)}]`)[0];
    expect(reader.layout.fields).toEqual(header);
    expect(reader.layout.levels.platform).toEqual(campaign.schema.fields.find((field) => field.name === 'platform')!.constraints.enum);
    const uber = campaign.schema.fields.find((field) => field.name === 'platform')!.constraints.enum!.indexOf('uber');
    expect(readFast(['uber', '2026-03', 'job-pay', 'no', '1250', '3,50', '25-34', 'female', 'non-eu', 'yes'])).toMatch(new RegExp(`^\\[${uber},"2026-03",\\d+,false,1250,3\\.5,\\d+,\\d+,\\d+,\\d+\\]$`));
    expect(decoded(['uber', '2026-03', 'job-pay', 'no', '1250', '3,50', '25-34', 'female', 'non-eu', 'yes']))
      .toEqual({ platform: 'uber', month: '2026-03', decision_type: 'job-pay', adverse: false, pay_cents: 1250, distance_km: 3.5, age_band: '25-34', sex: 'female', nationality: 'non-eu', migration_background: 'yes' });
    expect(decoded([' uber', '2026-03', 'job-pay', 'no', '', '', '25-34', 'female', 'non-eu', 'yes ']))
      .toEqual({ platform: 'uber', month: '2026-03', decision_type: 'job-pay', adverse: false, age_band: '25-34', sex: 'female', nationality: 'non-eu', migration_background: 'yes' });
    expect(readFast(['uber', '2026-03', 'job-pay', 'no', 'NA', '', '25-34', 'female', 'non-eu', 'yes'])).toBeUndefined();
    expect(readFast(['', '2026-03', 'job-pay', 'no', '1', '', '25-34', 'female', 'non-eu', 'yes'])).toBeUndefined();
    expect(readFast(['uber', '2026-03', 'job-pay', 'no', '100001', '', '25-34', 'female', 'non-eu', 'yes'])).toBeUndefined();
  });
});
