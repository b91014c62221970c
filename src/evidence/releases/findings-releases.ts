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
import type { Database } from 'better-sqlite3';
import type { Campaign } from '../../campaigns/types';
import { campaignRevision } from '../../storage/campaign-revision';
import { ReleaseRepository } from '../../storage/release-repository';
import { analyseCampaign } from '../campaign-analyses';
import type { PublishedFindings } from '../campaign-analyses-types';
import { publicFindings } from './public-findings';
import type { Analyse } from './analyse-in-worker';
import type { ReleaseRule } from './release-rule';

export interface FindingsReleasesOptions {
  /** How the analyses are computed (default: in this thread; the app uses a worker thread, see `analyseFor`). */
  analyse?: Analyse;
  now?: () => Date;
  /** Told when a release cut in the background fails (the last release stays published). */
  onBackgroundError?: (error: unknown, campaign: Campaign) => void;
}

export class FindingsReleases {
  private readonly repository: ReleaseRepository;
  private readonly cutting = new Map<string, Promise<PublishedFindings | undefined>>();
  private readonly parsed = new Map<string, PublishedFindings>();
  private readonly analyse: NonNullable<FindingsReleasesOptions['analyse']>;
  private readonly now: () => Date;

  constructor(
    private readonly db: Database,
    readonly ruleOf: (campaign: Campaign) => ReleaseRule,
    private readonly options: FindingsReleasesOptions = {},
  ) {
    this.repository = new ReleaseRepository(db);
    this.analyse = options.analyse ?? ((database, campaign) => analyseCampaign(database, campaign));
    this.now = options.now ?? (() => new Date());
  }

  /** The latest release, or undefined before the first. */
  latest(campaign: Campaign): PublishedFindings | undefined {
    const meta = this.repository.latest(campaign.slug);
    if (!meta) return undefined;
    const key = `${campaign.slug}#${meta.number}`;
    let findings = this.parsed.get(key);
    if (!findings) {
      findings = JSON.parse(this.repository.findingsJson(campaign.slug, meta.number)!) as PublishedFindings;
      this.parsed.clear();
      this.parsed.set(key, findings);
    }
    return findings;
  }

  /**
   * What the public sees now: the latest release. Before the first one, the first is cut as soon
   * as it is due and waited for; a later release that is due is cut in the background, and the
   * last one is served meanwhile.
   */
  async current(campaign: Campaign): Promise<PublishedFindings | undefined> {
    const latest = this.latest(campaign);
    const cut = this.releaseIfDue(campaign);
    if (!latest) return cut;
    cut.catch((error: unknown) => this.options.onBackgroundError?.(error, campaign));
    return latest;
  }

  /** True when enough donations changed since the last release, and long enough ago. */
  isDue(campaign: Campaign): boolean {
    const rule = this.ruleOf(campaign);
    const last = this.repository.latest(campaign.slug);
    const changes = campaignRevision(this.db, campaign.slug) - (last?.revision ?? 0);
    if (changes < rule.minChanges) return false;
    return !last || this.now().getTime() - Date.parse(last.releasedAt) >= rule.intervalMs;
  }

  /** Cuts a release when one is due (one computation per campaign at a time); the new release, else undefined. */
  releaseIfDue(campaign: Campaign): Promise<PublishedFindings | undefined> {
    const running = this.cutting.get(campaign.slug);
    if (running) return running;
    if (!this.isDue(campaign)) return Promise.resolve(undefined);
    const cut = this.cut(campaign).finally(() => this.cutting.delete(campaign.slug));
    this.cutting.set(campaign.slug, cut);
    return cut;
  }

  private async cut(campaign: Campaign): Promise<PublishedFindings | undefined> {
    // The number is fixed when the release was found due: if another process stores it first,
    // this one must not follow with a second release that nothing has changed since.
    const number = (this.repository.latest(campaign.slug)?.number ?? 0) + 1;
    const analyses = await this.analyse(this.db, campaign);
    // Read after the records were: a donation that arrives while they are read is then counted
    // as released whether or not it was included, so the next release waits for `minChanges`
    // donations that surely came after this one's reading (the count errs on the safe side).
    const revision = campaignRevision(this.db, campaign.slug);
    const releasedAt = new Date(Math.floor(this.now().getTime() / 1000) * 1000);
    const findings = publicFindings(analyses, { number, releasedAt, rule: this.ruleOf(campaign) });
    const stored = this.repository.insert({ campaignSlug: campaign.slug, number, releasedAt: releasedAt.toISOString(), revision, findingsJson: JSON.stringify(findings) });
    // Another process cut this number first: publish theirs, not a second release.
    return stored ? findings : this.latest(campaign);
  }
}
