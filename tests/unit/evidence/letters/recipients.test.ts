import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import type { Campaign } from '../../../../src/campaigns/types';
import {
  authorityForComplaint, authorityLanguage, checkCampaignRecipients, controllerLanguage, controllerOfRecord, controllersFor, loadRecipients,
} from '../../../../src/evidence/letters';

const recipients = loadRecipients();
const campaigns = loadCampaigns();
const credit = campaigns.get('credit-scores')!;
const platform = campaigns.get('platform-decisions')!;
const controller = (slug: string) => recipients.controllers.find((candidate) => candidate.slug === slug)!;
const authority = (slug: string) => recipients.authorities.find((candidate) => candidate.slug === slug)!;

describe('recipients', () => {
  test('when the dictionaries name the controllers, then each campaign offers those recipients, in the dictionary\u2019s order', () => {
    expect(controllersFor(recipients, credit).map((candidate) => candidate.slug)).toEqual(['schufa', 'crifbuergel', 'creditreform-boniversum', 'infoscore', 'experian-de']);
    expect(controllersFor(recipients, platform).map((candidate) => candidate.slug)).toEqual(['uber', 'bolt', 'takeaway-com', 'wolt', 'deliveroo']);
  });

  test('when a record names Creditreform or Uber, then the letters go to Creditreform Boniversum GmbH and Uber B.V., the legal entities that decide', () => {
    expect(controller(controllerOfRecord(credit, { bureau: 'creditreform' })!).name).toBe('Creditreform Boniversum GmbH');
    expect(controller(controllerOfRecord(platform, { platform: 'uber' })!).name).toBe('Uber B.V.');
    expect(controllerOfRecord(credit, { bureau: 'other' })).toBeUndefined();
  });

  test('when a dictionary maps an answer to an unknown recipient, then the check names the campaign, field and slug', () => {
    const broken = { ...credit, schema: { ...credit.schema, fields: credit.schema.fields.map((field) => (field.name === 'bureau' ? { ...field, recipients: { schufa: 'schufa-gmbh' } } : field)) } } as Campaign;
    expect(() => checkCampaignRecipients(recipients, [broken])).toThrow('credit-scores: field "bureau" maps "schufa" to the recipient "schufa-gmbh", which is not in controllers.json.');
    expect(() => checkCampaignRecipients(recipients, [credit, platform])).not.toThrow();
  });

  test('when letters are written, then German bureaus get German, international platforms English, and each authority its complaint language (English where we do not write it)', () => {
    expect(controllerLanguage(controller('schufa'))).toBe('de');
    expect(controllerLanguage(controller('creditreform-boniversum'))).toBe('de');
    expect(controllerLanguage(controller('uber'))).toBe('en');
    expect(controllerLanguage(controller('bolt'))).toBe('en');
    expect(authorityLanguage(authority('deberlbdi'))).toBe('de');
    expect(authorityLanguage(authority('frcnil'))).toBe('fr');
    expect(authorityLanguage(authority('nlap'))).toBe('en');
  });

  test.each([
    ['schufa', { country: 'de' }, 'dehessbdi', 'land-of-seat', undefined],
    ['crifbuergel', { country: 'de' }, 'debaylda', 'land-of-seat', undefined],
    ['schufa', { country: 'de', landAuthority: 'deberlbdi' }, 'deberlbdi', 'donor-land', 'dehessbdi'],
    ['schufa', { country: 'fr' }, 'frcnil', 'donor-country', 'dehessbdi'],
    ['schufa', { country: 'at' }, 'atdsb', 'donor-country', 'dehessbdi'],
    ['uber', { country: 'de' }, 'debfdi', 'federal-contact-point', 'nlap'],
    ['uber', { country: 'de', landAuthority: 'debaylda' }, 'debaylda', 'donor-land', 'nlap'],
    ['uber', { country: 'nl' }, 'nlap', 'donor-country', undefined],
  ])('when a complaint about %s comes from a donor in %j, then it goes to %s (%s), naming the lead authority %s', (slug, place, chosen, rule, lead) => {
    const complaint = authorityForComplaint(recipients, controller(slug), place)!;
    expect(complaint.authority.slug).toBe(chosen);
    expect(complaint.rule).toBe(rule);
    expect(complaint.lead?.slug).toBe(lead);
  });
});
