/**
 * Collective packs for NGOs and analysts, for the API and `crowdaudit export`: builds the pack
 * and writes the download to the audit log (who by label, when, which campaign, never a token).
 */
import type { Campaign } from '../../campaigns/types';
import type { Store } from '../../storage/store';
import type { FindingsReleases } from '../releases/findings-releases';
import type { SigningKey } from '../signing-key';
import { buildCollectivePack, type CollectivePack } from './build-collective-pack';

export const PACK_DOWNLOADED = 'evidence-pack.downloaded';

export class CollectivePackService {
  constructor(
    private readonly store: Store,
    private readonly findings: Pick<FindingsReleases, 'current'>,
    private readonly signingKey: SigningKey,
  ) {}

  /** @param actor the token's label, or `cli`. */
  async build(campaign: Campaign, actor: string, now: Date = new Date()): Promise<CollectivePack> {
    const pack = await buildCollectivePack(this.store, campaign, await this.findings.current(campaign), this.signingKey, now);
    await this.store.auditLog.write({
      action: PACK_DOWNLOADED,
      campaignSlug: campaign.slug,
      actor,
      detail: { records: pack.manifest.counts.included, datasetSha256: pack.manifest.datasetSha256 },
    }, now);
    return pack;
  }
}
