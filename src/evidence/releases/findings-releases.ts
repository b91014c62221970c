/**
 * A campaign's public findings, published in releases. The public (findings API and page,
 * charts, the collective pack's results, the effects in personal packs) only ever sees the
 * latest release. A new one is cut only when at least `minChanges` donations have been added or
 * withdrawn since the last, and at most once per `interval`: fetching the findings before and
 * after one donation or withdrawal shows the same release, and two releases differ by many.
 *
 * Releases live in the database, so every process serving it and every CLI command publishes
 * the same numbers, and a release is computed once, not once per process.
 */
import type { Campaign } from '../../campaigns/types';
import type { Store } from '../../storage/store';
import type { PublishedFindings } from '../campaign-analyses-types';
import { prepareInThisThread, type PrepareRelease } from './prepare-release';
import { readStoredRelease, type StoredRelease } from './release-document';
import type { ReleaseRule } from './release-rule';

export interface FindingsReleasesOptions {
  /** How a release's document is computed (default: in this thread; the app uses a worker thread, see `prepareReleaseFor`). */
  prepare?: PrepareRelease;
  now?: () => Date;
  /** Told when a release cut in the background fails (the last release stays published). */
  onBackgroundError?: (error: unknown, campaign: Campaign) => void;
}

export class FindingsReleases {
  private readonly cutting = new Map<string, Promise<boolean>>();
  /** Per campaign, its latest release as read back. */
  private readonly parsed = new Map<string, { number: number; release: Promise<StoredRelease> }>();
  private readonly prepare: PrepareRelease;
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    readonly ruleOf: (campaign: Campaign) => ReleaseRule,
    private readonly options: FindingsReleasesOptions = {},
  ) {
    this.prepare = options.prepare ?? prepareInThisThread();
    this.now = options.now ?? (() => new Date());
  }

  private async latestStored(campaign: Campaign): Promise<StoredRelease | undefined> {
    const meta = await this.store.releases.latest(campaign.slug);
    if (!meta) return undefined;
    let kept = this.parsed.get(campaign.slug);
    if (kept?.number !== meta.number) {
      // Kept as a promise, one per campaign: requests arriving while it is read share one reading
      // and one object (what is made once per release, see per-release.ts, is keyed by it).
      kept = { number: meta.number, release: this.readRelease(campaign, meta.number) };
      this.parsed.set(campaign.slug, kept);
      const reading = kept;
      reading.release.catch(() => {
        if (this.parsed.get(campaign.slug) === reading) this.parsed.delete(campaign.slug);
      });
    }
    return kept.release;
  }

  /** On this thread: with workers, the server reads only release numbers here (release-in-worker.ts). */
  private readRelease(campaign: Campaign, number: number): Promise<StoredRelease> {
    return readStoredRelease(this.store, campaign.slug, number);
  }

  /** The latest release, or undefined before the first. */
  async latest(campaign: Campaign): Promise<PublishedFindings | undefined> {
    return (await this.latestStored(campaign))?.findings;
  }

  /**
   * The latest release with the aggregates personal packs place a donor against (undefined before
   * the first release; no statistics for a release stored before they were kept).
   */
  async currentForPacks(campaign: Campaign): Promise<StoredRelease | undefined> {
    await this.current(campaign);
    return this.latestStored(campaign);
  }

  /**
   * What the public sees now: the latest release. Before the first one, the first is cut as soon
   * as it is due and waited for; a later release that is due is cut in the background, and the
   * last one is served meanwhile.
   */
  async current(campaign: Campaign): Promise<PublishedFindings | undefined> {
    return this.servedWhileDue(campaign, () => this.latest(campaign));
  }

  /**
   * The number of the release the public sees now, without reading its findings (megabytes at
   * 100,000 donations) into this thread: a collective pack's worker reads them itself. Cut as
   * for `current`.
   */
  async currentNumber(campaign: Campaign): Promise<number | undefined> {
    return this.servedWhileDue(campaign, async () => (await this.store.releases.latest(campaign.slug))?.number);
  }

  /**
   * What `read` gives of the latest release, once a due release is under way: before the first
   * release, after the first is cut (waited for); after it, at once, while a due one is cut in
   * the background.
   */
  private async servedWhileDue<T>(campaign: Campaign, read: () => Promise<T | undefined>): Promise<T | undefined> {
    const latest = await read();
    const cut = this.cutIfDue(campaign);
    if (latest === undefined) return (await cut) ? read() : undefined;
    cut.catch((error: unknown) => this.options.onBackgroundError?.(error, campaign));
    return latest;
  }

  /** True when enough donations changed since the last release, and long enough ago. */
  async isDue(campaign: Campaign): Promise<boolean> {
    const rule = this.ruleOf(campaign);
    const last = await this.store.releases.latest(campaign.slug);
    const changes = (await this.store.revisions.state(campaign.slug)).revision - (last?.revision ?? 0);
    if (changes < rule.minChanges) return false;
    return !last || this.now().getTime() - Date.parse(last.releasedAt) >= rule.intervalMs;
  }

  /** Cuts a release when one is due, and reads it back: the new release, else undefined. */
  async releaseIfDue(campaign: Campaign): Promise<PublishedFindings | undefined> {
    return (await this.cutIfDue(campaign)) ? this.latest(campaign) : undefined;
  }

  /**
   * Cuts a release when one is due (one computation per campaign at a time): true when a new one
   * was stored, here or by another process meanwhile. It is not read back: the server's timer
   * cuts releases nobody has asked for yet, and reading megabytes back is left to the first
   * request that needs them.
   */
  cutIfDue(campaign: Campaign): Promise<boolean> {
    const running = this.cutting.get(campaign.slug);
    if (running) return running;
    // Set before the first await: requests arriving meanwhile share this check and this cut.
    const cut = this.isDue(campaign)
      .then((due) => (due ? this.cutOnce(campaign) : false))
      .finally(() => this.cutting.delete(campaign.slug));
    this.cutting.set(campaign.slug, cut);
    return cut;
  }

  /**
   * One computation per release across processes: while another process on the database cuts
   * this campaign's release, this one reports none yet instead of computing the same again.
   * Due is asked again under the lock: the release the other process just stored may be it.
   */
  private async cutOnce(campaign: Campaign): Promise<boolean> {
    const cut = await this.store.once(`findings-release:${campaign.slug}`, async () => ((await this.isDue(campaign)) ? this.cut(campaign) : true));
    return cut ?? false;
  }

  /** Computes and stores the release; true also when another process stored this number first (theirs is then the release). */
  private async cut(campaign: Campaign): Promise<true> {
    // The number is fixed when the release was found due: if another process stores it first,
    // this one must not follow with a second release that nothing has changed since.
    const number = ((await this.store.releases.latest(campaign.slug))?.number ?? 0) + 1;
    // Stamped when the records are read, to the second: the release shows the records of that moment.
    const releasedAt = new Date(Math.floor(this.now().getTime() / 1000) * 1000).toISOString();
    const rule = this.ruleOf(campaign);
    const document = await this.prepare(this.store, campaign, { number, releasedAt, rule: { minChanges: rule.minChanges, interval: rule.interval } });
    // Read after the records were: a donation that arrives while they are read is then counted
    // as released whether or not it was included, so the next release waits for `minChanges`
    // donations that surely came after this one's reading (the count errs on the safe side).
    const { revision } = await this.store.revisions.state(campaign.slug);
    await this.store.releases.insert({ campaignSlug: campaign.slug, number, releasedAt, revision, document });
    return true;
  }
}
