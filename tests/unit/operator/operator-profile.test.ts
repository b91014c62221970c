import { createHash } from 'node:crypto';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { canonicalJson } from '../../../src/canonical-json';
import { loadRecipients } from '../../../src/evidence/letters';
import type { OperatorConfig } from '../../../src/operator/operator-config';
import { campaignWithOperator } from '../../../src/operator/operator-consent';
import { DEMO_OPERATOR_NAME, operatorProfile } from '../../../src/operator/operator-profile';

const recipients = loadRecipients();
const operator: OperatorConfig = {
  name: 'Algorithm Watchers e.V.',
  addressLines: ['Musterstraße 1', '10115 Berlin'],
  email: 'info@watchers.example.org',
  country: 'fr',
  dataProtection: { email: 'privacy@watchers.example.org' },
};

describe('operator profile', () => {
  test('when the country has one supervisory authority, then it is the competent one', () => {
    expect(operatorProfile(operator, recipients).authority?.slug).toBe('frcnil');
  });

  test('when the country has several authorities and none is named, then the error names OPERATOR_AUTHORITY and the choices', () => {
    expect(() => operatorProfile({ ...operator, country: 'de' }, recipients)).toThrow(/OPERATOR_AUTHORITY: "de" has several supervisory authorities; set OPERATOR_AUTHORITY to one of .*deberlbdi/);
  });

  test('when OPERATOR_AUTHORITY names a known authority, then it wins over the country', () => {
    const profile = operatorProfile({ ...operator, country: 'de', authority: 'deberlbdi' }, recipients);
    expect(profile.authority?.name).toMatch(/^Berliner Beauftragte für Datenschutz/);
  });

  test('when OPERATOR_AUTHORITY is unknown, then the error names it', () => {
    expect(() => operatorProfile({ ...operator, authority: 'nowhere' }, recipients)).toThrow('OPERATOR_AUTHORITY: "nowhere" is not an authority');
  });

  test('when no operator is configured, then the profile is the demo stand-in without contact or authority', () => {
    expect(operatorProfile(undefined, recipients)).toEqual({ demo: true, name: DEMO_OPERATOR_NAME, addressLines: [], dataProtection: {} });
  });

  test('when a campaign is bound to an operator, then its consent hash covers the dictionary consent and the operator, and changes with the operator', () => {
    const campaign = loadCampaigns().get('credit-scores')!;
    const profile = operatorProfile(operator, recipients);
    const bound = campaignWithOperator(campaign, profile);
    const expected = createHash('sha256').update(canonicalJson({
      ...campaign.consent,
      operator: { name: 'Algorithm Watchers e.V.', address: ['Musterstraße 1', '10115 Berlin'], email: 'info@watchers.example.org', dataProtectionEmail: 'privacy@watchers.example.org' },
    })).digest('hex');
    expect(bound.consentSha256).toBe(expected);
    expect(bound.consentSha256).not.toBe(campaign.consentSha256);
    const moved = campaignWithOperator(campaign, operatorProfile({ ...operator, addressLines: ['Neue Straße 2', '10117 Berlin'] }, recipients));
    expect(moved.consentSha256).not.toBe(bound.consentSha256);
  });
});
