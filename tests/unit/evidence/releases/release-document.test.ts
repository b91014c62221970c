/**
 * A release's stored document: text in lines, gzip-compressed, read back as the release; a
 * release stored before as uncompressed text, in lines or as one line of JSON, still reads.
 */
import { gunzipSync } from 'node:zlib';
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../../src/demo/seed-demo';
import { DonationService } from '../../../../src/donations/donation-service';
import { analyseCampaign } from '../../../../src/evidence/campaign-analyses';
import type { CampaignAnalyses } from '../../../../src/evidence/campaign-analyses-types';
import { publicFindings } from '../../../../src/evidence/releases/public-findings';
import { parseReleaseDocument, releaseDocument, type ReleaseStamp } from '../../../../src/evidence/releases/release-document';
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

  test('when a release is written, then it is compressed text in which each element of its long arrays is a line of its own, and read back whole it is the findings and the pack statistics', () => {
    const document = releaseDocument(analyses, stamp);
    expect([document[0], document[1]]).toEqual([0x1f, 0x8b]);
    const text = gunzipSync(document).toString('utf8');
    expect(document.byteLength).toBeLessThan(text.length / 3);
    const lines = text.split('\n');
    const { findings } = expected();
    const longArrays = Object.values(findings).filter((value): value is unknown[] => Array.isArray(value) && value.length > 1);
    expect(longArrays.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBe(1 + longArrays.reduce((sum, array) => sum + array.length, 0));
    expect(JSON.parse(lines[0]).comparisons).toEqual([]);
    expect(parseReleaseDocument(document)).toEqual(expected());
    // The public findings keep their order of entries: the API's text (and its ETag) is the same as before the layout.
    expect(JSON.stringify(parseReleaseDocument(document).findings)).toBe(JSON.stringify(expected().findings));
  });

  test('when a release was stored as uncompressed text (before migration 010), in lines or as one line of JSON, then it reads the same', () => {
    const { findings, packStatistics } = expected();
    const inLines = gunzipSync(releaseDocument(analyses, stamp));
    const oneLine = Buffer.from(JSON.stringify({ ...findings, packStatistics }));
    for (const legacy of [inLines, oneLine]) expect(parseReleaseDocument(legacy)).toEqual(expected());
  });

  test('when a text holds characters beyond ASCII and escaped newlines, then each line reads whole', () => {
    const text = ['{"comparisons":[],"name":"Zürich € ✓"}', '["comparisons",{"label":"Bürger – 😀\\nzwei"}]', '["comparisons",{"label":"é"}]'].join('\n');
    const read = { findings: { comparisons: [{ label: 'Bürger – 😀\nzwei' }, { label: 'é' }], name: 'Zürich € ✓' }, packStatistics: undefined };
    expect(parseReleaseDocument(Buffer.from(text))).toEqual(read);
    // As bytes arrive from another thread: a Uint8Array, not a Buffer.
    expect(parseReleaseDocument(new Uint8Array(Buffer.from(text)))).toEqual(read);
  });
});
