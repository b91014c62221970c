import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { batchLayout, decodeImportBatch, encodeRecordValues, type StoredValues } from '../../../src/storage/import-batch-codec';

const campaign = loadCampaigns().get('platform-decisions')!;
const levelsOf = (name: string) => campaign.schema.fields.find((field) => field.name === name)!.constraints.enum!;

describe('the stored form of an import batch', () => {
  test('when a batch layout is made, then it names the fields in order and lists the levels of the enum fields only', () => {
    const layout = batchLayout(campaign, ['pay_cents', 'platform', 'adverse']);
    expect(layout).toEqual({ fields: ['pay_cents', 'platform', 'adverse'], levels: { platform: levelsOf('platform') } });
  });

  test('when a record is encoded, then an enum value is its level\'s position, an absent answer null, the rest JSON', () => {
    const layout = { fields: ['platform', 'month', 'adverse', 'pay_cents'], levels: { platform: ['uber', 'bolt'] } };
    expect(encodeRecordValues(layout, { platform: 'bolt', adverse: false, pay_cents: 1250 })).toBe('[1,null,false,1250]');
    expect(() => encodeRecordValues(layout, { platform: 'tesla' })).toThrow('"tesla" is not a level of platform');
  });

  test('when a batch is decoded, then each record is what was encoded, absent answers left out', () => {
    const layout = batchLayout(campaign, ['platform', 'month', 'adverse', 'pay_cents', 'distance_km']);
    const records: StoredValues[] = [
      { platform: 'uber', month: '2026-03', adverse: true, pay_cents: 1250, distance_km: 3.5 },
      { platform: levelsOf('platform')[levelsOf('platform').length - 1], adverse: false },
    ];
    const recordsJson = `[${records.map((record) => encodeRecordValues(layout, record)).join(',')}]`;
    expect(decodeImportBatch(JSON.stringify(layout), recordsJson)).toEqual(records);
  });

  test('when the campaign\'s levels change later, then a stored batch still decodes with its own', () => {
    const stored = JSON.stringify({ fields: ['platform'], levels: { platform: ['old-name', 'uber'] } });
    expect(decodeImportBatch(stored, '[[0],[1]]')).toEqual([{ platform: 'old-name' }, { platform: 'uber' }]);
  });
});
