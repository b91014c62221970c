import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { buildCampaign } from '../../../src/campaigns/load-campaigns';
import type { RecordValues } from '../../../src/campaigns/types';

describe('schemas derived from the dictionary', () => {
  const campaign = loadCampaigns().get('credit-scores')!;
  const valid: RecordValues = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
  const firstIssuePath = (record: Record<string, unknown>) => {
    const result = campaign.recordSchema.safeParse(record);
    return result.success ? undefined : result.error.issues.map((issue) => issue.path.join('.'));
  };

  test('when a record has every example value, then it is valid', () => {
    expect(campaign.recordSchema.safeParse(valid).success).toBe(true);
  });

  test.each([
    ['a missing required field', { ...valid, report_month: undefined }, 'report_month'],
    ['a value outside the enum', { ...valid, bureau: 'acme' }, 'bureau'],
    ['a number out of range', { ...valid, score_value: 10001 }, 'score_value'],
    ['a fraction where a whole number is needed', { ...valid, loans: 1.5 }, 'loans'],
    ['a bad month', { ...valid, report_month: '2024-13' }, 'report_month'],
    ['a full postcode', { ...valid, postcode_region: '10115' }, 'postcode_region'],
    ['text where a boolean belongs', { ...valid, insolvency: 'maybe' }, 'insolvency'],
    ['an unknown field', { ...valid, name: 'Erika' }, ''],
  ])('when a record has %s, then the issue names the field', (_case, record, field) => {
    expect(firstIssuePath(record)).toContain(field);
  });

  test('when form text is coerced, then numbers (decimal comma), booleans and blanks become typed values', () => {
    const coerced = campaign.coerceRecord({ score_value: '97,5', loans: ' 2 ', insolvency: 'nein', debt_collection: 'oui', payment_reminders: 'yes', postcode_region: '', rating_class: 'NA', bureau: 'schufa', extra: 'kept' });
    expect(coerced).toEqual({ score_value: 97.5, loans: 2, insolvency: false, debt_collection: true, payment_reminders: true, bureau: 'schufa', extra: 'kept' });
  });

  test('when text cannot be read as a number, then it is passed on for the schema to refuse', () => {
    const coerced = campaign.coerceRecord({ score_value: '97.5.1' });
    expect(coerced.score_value).toBe('97.5.1');
    expect(firstIssuePath({ ...valid, ...coerced })).toContain('score_value');
  });

  test('when __proto__ arrives as a form key, then it stays an own key that the schema refuses', () => {
    const raw = JSON.parse('{"__proto__": "x", "bureau": "schufa"}');
    const coerced = campaign.coerceRecord(raw);
    expect(Object.getPrototypeOf(coerced)).toBe(Object.prototype);
    expect(Object.keys(coerced)).toContain('__proto__');
    expect(campaign.recordSchema.safeParse({ ...valid, ...coerced }).success).toBe(false);
  });

  test('when the donation has too many records or duplicate purposes, then the body schema refuses it', () => {
    const body = (records: RecordValues[], purposes = ['research']) => ({ consent: { version: campaign.consent.version, purposes }, records });
    expect(campaign.donationSchema.safeParse(body([valid])).success).toBe(true);
    expect(campaign.donationSchema.safeParse(body(Array(campaign.maxRecords + 1).fill(valid))).success).toBe(false);
    expect(campaign.donationSchema.safeParse(body([valid], ['research', 'research'])).success).toBe(false);
    expect(campaign.donationSchema.safeParse(body([valid], ['marketing'])).success).toBe(false);
  });

  test('when the consent text changes, then its SHA-256 changes; the same text hashes the same', () => {
    const definition = JSON.parse(JSON.stringify({ ...campaign, consentSha256: undefined, recordSchema: undefined, donationSchema: undefined, coerceRecord: undefined, fieldsWithRole: undefined }));
    // A loaded campaign's examples are typed; a file writes them as text.
    for (const field of definition.schema.fields) field.example = String(field.example);
    expect(buildCampaign(definition, 'x.json').consentSha256).toBe(campaign.consentSha256);
    definition.consent.text.de += ' Neu.';
    expect(buildCampaign(definition, 'x.json').consentSha256).not.toBe(campaign.consentSha256);
  });

  test('when fields are asked by role, then the roles of the dictionary come back', () => {
    expect(campaign.fieldsWithRole('outcome').map((field) => field.name)).toEqual(['score_value', 'rating_class', 'application_refused']);
    expect(campaign.fieldsWithRole('protected').map((field) => field.name)).toContain('nationality');
  });
});
