import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import type { PublishedFindings } from '../../../src/evidence/campaign-analyses-types';
import { loadAdvice } from '../../../src/evidence/advice/country-advice';
import { loadRecipients } from '../../../src/evidence/letters';
import { buildPersonalPack } from '../../../src/evidence/personal/personal-pack';

const credit = loadCampaigns().get('credit-scores')!;
const record = Object.fromEntries(credit.schema.fields.map((field) => [field.name, field.example]));
const donation = { id: 'd1', campaign: 'credit-scores', campaignVersion: credit.version, createdOn: '2026-12-02', locale: 'en', receiptSha256: '0'.repeat(64), consent: { version: credit.consent.version, sha256: '1'.repeat(64), purposes: ['research'] }, contentSha256: '2'.repeat(64), records: [record] };
const findings = { release: { number: 3, releasedOn: '2026-12-01', minChanges: 10, interval: 'P1D' }, records: 120, donors: 100, comparisons: [], effects: [], caveats: ['self-selected'] } as unknown as PublishedFindings;

describe('personal pack', () => {
  test('when the release was stored before packs kept their aggregates, then the pack says peers and prediction come with the next release, and still shows the donation', async () => {
    const pack = await buildPersonalPack(credit, donation, { findings }, loadRecipients(), loadAdvice(), { locale: 'en', today: new Date('2026-12-02T12:00:00Z') });
    expect(pack.peers.map((peer) => peer.sentence)).toEqual(['People like you and the prediction for you will come with the next release of the findings.', 'People like you and the prediction for you will come with the next release of the findings.']);
    expect(pack.prediction.every((item) => !item.available)).toBe(true);
    expect(pack.manifest).toMatchObject({ release: 3, datasetSha256: null, records: 120, people: 100 });
    expect(pack.donation.records).toEqual([record]);
  });

  test('when there is no release yet, then nothing about other people is shown and the letters say no difference was found', async () => {
    const pack = await buildPersonalPack(credit, donation, undefined, loadRecipients(), loadAdvice(), { locale: 'en', today: new Date('2026-12-02T12:00:00Z') });
    expect(pack.manifest).toMatchObject({ release: null, datasetSha256: null });
    expect(pack.prediction[0]!.sentence).toContain('the campaign’s first release of findings is not out yet.');
    expect(pack.summary.found.sentences).toEqual(['The campaign has not (yet) found a difference that affects a group you belong to. Your letters therefore ask the company to explain how it decided about you.']);
  });
});
