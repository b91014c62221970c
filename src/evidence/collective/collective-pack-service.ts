/**
 * Collective packs for NGOs and analysts, for the API and `crowdaudit export`: builds the pack
 * and writes the download to the audit log (who by label, when, which campaign, never a token).
 */
import type { Database } from 'better-sqlite3';
import type { Campaign } from '../../campaigns/types';
import type { AuditLog } from '../../storage/audit-log';
import type { FindingsReleases } from '../releases/findings-releases';
import type { SigningKey } from '../signing-key';
import { buildCollectivePack, type CollectivePack } from './build-collective-pack';

export const PACK_DOWNLOADED = 'evidence-pack.downloaded';

export class CollectivePackService {
  constructor(
    private readonly db: Database,
    private readonly findings: Pick<FindingsReleases, 'current'>,
    private readonly signingKey: SigningKey,
    private readonly auditLog: AuditLog,
  ) {}

  /** @param actor the token's label, or `cli`. */
  async build(campaign: Campaign, actor: string, now: Date = new Date()): Promise<CollectivePack> {
    const pack = buildCollectivePack(this.db, campaign, await this.findings.current(campaign), this.signingKey, now);
    this.auditLog.write({
      action: PACK_DOWNLOADED,
      campaignSlug: campaign.slug,
      actor,
      detail: { records: pack.manifest.counts.included, datasetSha256: pack.manifest.datasetSha256 },
    }, now);
    return pack;
  }
}
