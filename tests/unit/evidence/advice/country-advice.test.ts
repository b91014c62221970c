import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { helpFor, loadAdvice } from '../../../../src/evidence/advice/country-advice';
import { loadRecipients } from '../../../../src/evidence/letters';
import { packHelp, packSummary } from '../../../../src/evidence/personal/pack-guide';

const advice = loadAdvice();
const recipients = loadRecipients();
const platform = loadCampaigns().get('platform-decisions')!;

describe('help per country', () => {
  test('when the advice files are loaded, then every entry has a source and every Land maps to a German authority in the recipients data', () => {
    expect([...advice.keys()].sort()).toEqual(['at', 'de', 'fr', 'nl']);
    for (const country of advice.values()) for (const entry of country.help) expect(entry.source).toMatch(/^https:\/\//);
    const lands = advice.get('de')!.complaintAuthorityByLand!;
    expect(Object.keys(lands)).toHaveLength(16);
    for (const slug of Object.values(lands)) expect(recipients.authorities.find((authority) => authority.slug === slug)?.['relevant-countries']).toEqual(['de']);
  });

  test('when an advice file is malformed, then loading names the file and the field', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'advice-'));
    fs.writeFileSync(path.join(directory, 'de.json'), JSON.stringify({ country: 'de', checkedOn: '2026-12-02', help: [{ kind: 'union', campaigns: ['x'], name: 'U', web: 'https://u.example', text: { en: 'a', de: 'b' }, source: 's' }] }));
    expect(() => loadAdvice(directory)).toThrow(/^advice\/de\.json: help\.0\.text\.fr /);
  });

  test('when a credit donor in Austria writes to SCHUFA, then Austrian help comes first and the SCHUFA ombudsman is listed; for another bureau it is not', () => {
    // The credit bureaus serve Germany: an Austrian donor sees Austria's help and Germany's, not France's.
    const forSchufa = helpFor(advice, 'credit-scores', 'schufa', 'at', ['de']);
    expect(forSchufa.map((section) => section.country)).toEqual(['at', 'de']);
    expect(helpFor(advice, 'platform-decisions', 'uber', 'de', ['all']).map((section) => section.country)).toEqual(['de', 'at', 'fr', 'nl']);
    expect(forSchufa.find((section) => section.country === 'de')!.entries.map((entry) => entry.name)).toContain('Ombudsmann der SCHUFA Holding AG');
    expect(helpFor(advice, 'credit-scores', 'crifbuergel', 'de')[0]!.entries.map((entry) => entry.name)).not.toContain('Ombudsmann der SCHUFA Holding AG');
    expect(helpFor(advice, 'platform-decisions', 'uber', 'de')[0]!.entries.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['union', 'worker-centre']));
  });

  test('when a worker in Germany or Austria was deactivated, then the first page cautions that a dismissal deadline may be short (three weeks, two weeks), with its source; a credit donor gets no caution', () => {
    const today = new Date('2026-12-02T10:00:00Z');
    const german = packSummary(platform, [], [], advice, { locale: 'en', country: 'de', deactivation: true, today });
    expect(german.caution!.deadline).toEqual({ text: expect.stringContaining('within three weeks of receiving the written notice (§ 4 KSchG)'), source: 'https://www.gesetze-im-internet.de/kschg/__4.html' });
    expect(german.next.steps[0]).toContain('appeal against the deactivation');
    expect(german.next.steps).toContain('The company must answer within one month: if you send today, by January 2, 2027.');
    expect(packSummary(platform, [], [], advice, { locale: 'de', country: 'at', deactivation: true, today }).caution!.deadline!.text).toContain('zwei Wochen');
    expect(packSummary(platform, [], [], advice, { locale: 'en', country: 'de', deactivation: false, today }).caution).toBeUndefined();
    expect(packHelp(platform, 'uber', advice, { locale: 'fr', country: 'fr' }).countries[0]).toMatchObject({ country: 'fr', heading: 'Pays : France' });
  });
});
