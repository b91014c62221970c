/** A release's stored document: written in lines, read back whole (workers) or in slices (the event loop), and a release stored as one line of JSON before still reads. */
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../../src/demo/seed-demo';
import { DonationService } from '../../../../src/donations/donation-service';
import { analyseCampaign } from '../../../../src/evidence/campaign-analyses';
import type { CampaignAnalyses } from '../../../../src/evidence/campaign-analyses-types';
import { publicFindings } from '../../../../src/evidence/releases/public-findings';
import { parseReleaseDocument, readReleaseDocument, releaseDocument, type ReleaseStamp } from '../../../../src/evidence/releases/release-document';
import { openDatabase } from '../../../../src/storage/open-database';
import { SqliteStore } from '../../../../src/storage/sqlite-store';

const campaign = loadCampaigns().get('credit-scores')!;
const stamp: ReleaseStamp = { number: 2, releasedAt: '2026-12-02T09:30:00.000Z', rule: { minChanges: 10, interval: 'P1D' } };

describe('release documents', () => {
  let analyses: CampaignAnalyses;
  beforeAll(async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    await seedDemo(campaign, new DonationService(store), { count: 300, seed: 9, now: new Date('2026-11-01T00:00:00Z') });
    analyses = await analyseCampaign(store, campaign);
    await store.close();
  }, 60_000);

  const expected = () => ({
    findings: JSON.parse(JSON.stringify(publicFindings(analyses, { number: stamp.number, releasedAt: new Date(stamp.releasedAt), rule: stamp.rule }))),
    packStatistics: JSON.parse(JSON.stringify(analyses.packStatistics)),
  });

  test('when a release is written, then each element of its long arrays is a line of its own, and read back whole it is the findings and the pack statistics', () => {
    const document = releaseDocument(analyses, stamp);
    const lines = document.split('\n');
    const { findings } = expected();
    const longArrays = Object.values(findings).filter((value): value is unknown[] => Array.isArray(value) && value.length > 1);
    expect(longArrays.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBe(1 + longArrays.reduce((sum, array) => sum + array.length, 0));
    expect(JSON.parse(lines[0]).comparisons).toEqual([]);
    expect(parseReleaseDocument(document)).toEqual(expected());
    // The public findings keep their order of entries: the API's text (and its ETag) is the same as before the layout.
    expect(JSON.stringify(parseReleaseDocument(document).findings)).toBe(JSON.stringify(expected().findings));
  });

  test('when it is read in slices on the event loop, then it is the same release', async () => {
    const document = releaseDocument(analyses, stamp);
    await expect(readReleaseDocument(document)).resolves.toEqual(parseReleaseDocument(document));
  });

  test('when a release was stored as one line of JSON (before the layout), then it reads the same', async () => {
    const { findings, packStatistics } = expected();
    const legacy = JSON.stringify({ ...findings, packStatistics });
    expect(parseReleaseDocument(legacy)).toEqual(expected());
    await expect(readReleaseDocument(legacy)).resolves.toEqual(expected());
  });
});
