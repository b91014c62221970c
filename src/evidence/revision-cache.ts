/**
 * Work on a campaign's records, done once per campaign revision (every donation written or
 * deleted raises it, by trigger). At 100,000 donations such work takes seconds to tens of
 * seconds, so:
 * - after new donations only, the last result is served while the new one is computed in the
 *   background (it lacks the newest donations for that long);
 * - after a deletion, no earlier result is ever served again: the request waits for the new one,
 *   so a withdrawn donation leaves the findings and packs at once.
 * Requests during a computation share it; a failed computation is not kept.
 */
import type { Campaign } from '../campaigns/types';
import type { CampaignRevision } from '../storage/campaign-revision';
import type { RevisionStore } from '../storage/store';

interface Entry<T> {
  state: CampaignRevision;
  result: Promise<T>;
}

export class RevisionCache<T> {
  private readonly latest = new Map<string, Entry<T>>();
  private readonly computing = new Map<string, Entry<T>>();

  constructor(
    private readonly revisions: RevisionStore,
    private readonly compute: (campaign: Campaign) => Promise<T>,
  ) {}

  async get(campaign: Campaign): Promise<T> {
    const state = await this.revisions.state(campaign.slug);
    const latest = this.latest.get(campaign.slug);
    if (latest && latest.state.revision === state.revision) return latest.result;
    const fresh = this.start(campaign, state);
    // Only additions since the last result: serve it while the new one is computed.
    if (latest && latest.state.deletions === state.deletions) return latest.result;
    return fresh.result;
  }

  private start(campaign: Campaign, state: CampaignRevision): Entry<T> {
    const running = this.computing.get(campaign.slug);
    if (running && running.state.revision === state.revision) return running;
    const entry: Entry<T> = { state, result: this.compute(campaign) };
    this.computing.set(campaign.slug, entry);
    const done = () => {
      if (this.computing.get(campaign.slug) === entry) this.computing.delete(campaign.slug);
    };
    entry.result.then(() => {
      const latest = this.latest.get(campaign.slug);
      if (!latest || latest.state.revision < state.revision) this.latest.set(campaign.slug, entry);
      done();
    }, done);
    return entry;
  }
}
