/**
 * Collective packs for NGOs and analysts, for the API and `crowdaudit export`: builds the pack
 * and writes the download to the audit log (who by label, when, which campaign, never a token).
 */
import type { Campaign } from '../../campaigns/types';
import type { Store } from '../../storage/store';
import type { CollectivePack } from './build-collective-pack';
import type { BuildPack } from './build-pack-in-worker';

export const PACK_DOWNLOADED = 'evidence-pack.downloaded';

export class CollectivePackService {
  constructor(
    private readonly store: Store,
    /** With the latest release's findings, in a worker thread for a database file or server (see build-pack-in-worker.ts). */
    private readonly buildPack: BuildPack,
  ) {}

  /** @param actor the token's label, or `cli`. */
  async build(campaign: Campaign, actor: string, now: Date = new Date()): Promise<CollectivePack> {
    const pack = await this.buildPack(campaign, now);
    await this.store.auditLog.write({
      action: PACK_DOWNLOADED,
      campaignSlug: campaign.slug,
      actor,
      detail: { records: pack.manifest.counts.included, datasetSha256: pack.manifest.datasetSha256 },
    }, now);
    return pack;
  }
}
