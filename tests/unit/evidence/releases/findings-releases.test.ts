/** When a release is cut: enough changed donations, a long enough interval, one release per number. */
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../../src/demo/seed-demo';
import { DonationService } from '../../../../src/donations/donation-service';
import type { CampaignAnalyses } from '../../../../src/evidence/campaign-analyses-types';
import { FindingsReleases } from '../../../../src/evidence/releases/findings-releases';
import { prepareInThisThread } from '../../../../src/evidence/releases/prepare-release';
import { AuditLog } from '../../../../src/storage/audit-log';
import { DonationRepository } from '../../../../src/storage/donation-repository';
import { openDatabase } from '../../../../src/storage/open-database';
import { SqliteStore } from '../../../../src/storage/sqlite-store';

const campaign = loadCampaigns().get('credit-scores')!;
const HOUR_MS = 3_600_000;

function setUp(rule = { minChanges: 10, interval: 'PT1H', intervalMs: HOUR_MS }) {
  const db = openDatabase(':memory:');
  const donations = new DonationService(new SqliteStore(db));
  let clock = new Date('2026-12-01T10:00:00.750Z');
  let computations = 0;
  const analyse = async (): Promise<CampaignAnalyses> => {
    computations += 1;
    const donationsStored = (db.prepare('SELECT COUNT(*) AS n FROM donations').get() as { n: number }).n;
    return { campaign: campaign.slug, campaignVersion: campaign.version, revision: 0, computedAt: clock.toISOString(), donations: donationsStored, donors: donationsStored, records: donationsStored, minGroupSize: 5, strata: [], comparisons: [], effects: [], planner: [], notAnalysed: [], caveats: ['self-selected'] };
  };
  const releases = new FindingsReleases(new SqliteStore(db), () => rule, { prepare: prepareInThisThread(analyse), now: () => clock });
  return {
    db,
    releases,
    analyse,
    donate: (count: number, seed = 1) => seedDemo(campaign, donations, { count, seed, now: new Date('2026-11-01T00:00:00Z') }),
    withdrawOne: () => db.prepare('DELETE FROM donations WHERE id = (SELECT id FROM donations LIMIT 1)').run(),
    advance: (ms: number) => { clock = new Date(clock.getTime() + ms); },
    computations: () => computations,
  };
}

describe('FindingsReleases', () => {
  test('when fewer donations than minChanges exist, then there is no release; at minChanges, the first is cut', async () => {
    const { releases, donate } = setUp();
    await donate(9);
    expect(await releases.current(campaign)).toBeUndefined();
    await donate(1, 2);
    expect(await releases.current(campaign)).toMatchObject({ release: { number: 1, releasedOn: '2026-12-01', minChanges: 10, interval: 'PT1H' }, donations: 10 });
  });

  test('when the interval has not passed, then changes wait; once it has, the next release includes them', async () => {
    const { releases, donate, advance } = setUp();
    await donate(10);
    await releases.releaseIfDue(campaign);
    await donate(20, 2);
    advance(HOUR_MS - 1000);
    expect(await releases.releaseIfDue(campaign)).toBeUndefined();
    expect((await releases.latest(campaign))).toMatchObject({ release: { number: 1 }, donations: 10 });
    advance(1000);
    expect(await releases.releaseIfDue(campaign)).toMatchObject({ release: { number: 2 }, donations: 30 });
  });

  test('when fewer than minChanges donations changed since the last release, then no interval is long enough', async () => {
    const { releases, donate, withdrawOne, advance } = setUp();
    await donate(10);
    await releases.releaseIfDue(campaign);
    await donate(5, 2);
    for (let index = 0; index < 4; index += 1) withdrawOne();
    advance(100 * HOUR_MS);
    expect(await releases.releaseIfDue(campaign)).toBeUndefined();
    withdrawOne();
    // Withdrawals count as changes: 5 added and 5 withdrawn make the tenth.
    expect(await releases.releaseIfDue(campaign)).toMatchObject({ release: { number: 2 }, donations: 10 });
  });

  test('when a release is stored, then its time is kept to the second and only its day is published', async () => {
    const { db, releases, donate } = setUp();
    await donate(10);
    await releases.releaseIfDue(campaign);
    expect(db.prepare('SELECT released_at AS releasedAt, revision FROM findings_releases').get()).toEqual({ releasedAt: '2026-12-01T10:00:00.000Z', revision: 10 });
    expect(JSON.stringify((await releases.latest(campaign)))).not.toContain('10:00');
  });

  test('when two processes cut the same release at once, then one is stored and both publish it', async () => {
    const first = setUp();
    await first.donate(10);
    const second = new FindingsReleases(new SqliteStore(first.db), () => ({ minChanges: 10, interval: 'PT1H', intervalMs: HOUR_MS }), {
      prepare: prepareInThisThread(async () => ({ ...(await first.analyse()), caveats: ['small-sample'] })),
      now: () => new Date('2026-12-01T10:00:00Z'),
    });
    const [mine, theirs] = await Promise.all([first.releases.releaseIfDue(campaign), second.releaseIfDue(campaign)]);
    expect(first.db.prepare('SELECT COUNT(*) AS n FROM findings_releases').get()).toEqual({ n: 1 });
    expect(theirs).toEqual(mine);
    expect((await second.latest(campaign))).toEqual((await first.releases.latest(campaign)));
  });

  test('when only the current number is asked for, then the first release is cut for it, and later ones are cut in the background while the last number is given', async () => {
    const { releases, donate, advance, computations } = setUp();
    await donate(10);
    expect(await releases.currentNumber(campaign)).toBe(1);
    await donate(10, 2);
    advance(HOUR_MS);
    expect(await releases.currentNumber(campaign)).toBe(1);
    await releases.cutIfDue(campaign);
    expect(computations()).toBe(2);
    expect(await releases.currentNumber(campaign)).toBe(2);
  });

  test('when two campaigns are read in turns, then each keeps its release as one object (what is made once per release stays made)', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteStore(db);
    const platform = loadCampaigns().get('platform-decisions')!;
    for (const each of [campaign, platform]) await seedDemo(each, new DonationService(store), { count: 10, seed: 3, now: new Date('2026-11-01T00:00:00Z') });
    const releases = new FindingsReleases(store, () => ({ minChanges: 10, interval: 'PT1H', intervalMs: HOUR_MS }));
    const credit = await releases.current(campaign);
    const platformFindings = await releases.current(platform);
    expect(platformFindings).toMatchObject({ campaign: 'platform-decisions', release: { number: 1 } });
    expect(await releases.latest(campaign)).toBe(credit);
    expect(await releases.latest(platform)).toBe(platformFindings);
  });

  test('when a release is due and asked for twice at once, then it is computed once', async () => {
    const { releases, donate, computations } = setUp();
    await donate(12);
    const [a, b] = await Promise.all([releases.current(campaign), releases.current(campaign)]);
    expect(b).toBe(a);
    expect(computations()).toBe(1);
  });

  test('when a later release is due, then current() serves the last one and cuts the next in the background', async () => {
    const { releases, donate, advance } = setUp();
    await donate(10);
    await releases.current(campaign);
    await donate(10, 2);
    advance(HOUR_MS);
    expect(await releases.current(campaign)).toMatchObject({ release: { number: 1 } });
    await releases.releaseIfDue(campaign);
    expect(await releases.current(campaign)).toMatchObject({ release: { number: 2 }, donations: 20 });
  });
});
