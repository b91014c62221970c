/**
 * A campaign's records held in memory for one revision, with the SHA-256 of what was analysed:
 * personal packs compare one donor with everyone, and reading and hashing every record per
 * request would not answer in time at 100,000 donations. A donation or deletion raises the
 * revision, so a deleted donor's records leave the snapshot at the next request.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { fitRecordModel, type RecordModel } from '../../../analysis/record-prediction';
import type { Row } from '../../../analysis/types';
import type { Campaign } from '../../campaigns/types';
import { campaignRevision } from '../../storage/campaign-revision';
import { DONOR_COLUMN, loadCampaignRowsPaged } from '../campaign-rows';
import { RevisionCache } from '../revision-cache';
import { usableFactors } from '../group-comparison';

export interface CampaignSnapshot {
  revision: number;
  /** The outcome's model on these legitimate factors, fitted once per revision (or why it cannot be). */
  model(outcome: string, legitimate: string[]): Promise<RecordModel>;
  /** Of these legitimate factors, those answered in enough rows to enter a model (once per revision). */
  usableFactors(legitimate: string[]): string[];
  /** The rows whose `matchOn` values equal the record's, from an index built once per revision and columns. */
  rowsMatching(matchOn: string[], record: Row): Row[];
  columns: string[];
  rows: Row[];
  donors: number;
  /** SHA-256 of the analysed rows (without donor keys), in stored order. */
  datasetSha256: string;
}

/** Reads the campaign's rows (a page at a time) and prepares what packs need of them. */
export async function takeSnapshot(db: Database, campaign: Campaign): Promise<CampaignSnapshot> {
  const revision = campaignRevision(db, campaign.slug);
  const { columns, rows } = await loadCampaignRowsPaged(db, campaign);
  const hash = createHash('sha256');
  const fields = columns.filter((column) => column !== DONOR_COLUMN);
  for (const row of rows) hash.update(`${JSON.stringify(fields.map((name) => row[name]))}\n`);
  const models = new Map<string, Promise<RecordModel>>();
  const model = (outcome: string, legitimate: string[]) => {
    const key = JSON.stringify([outcome, legitimate]);
    if (!models.has(key)) models.set(key, fitRecordModel(rows, { outcome, legitimate }));
    return models.get(key)!;
  };
  let usable: string[] | undefined;
  const indexes = new Map<string, Map<string, Row[]>>();
  const keyOf = (matchOn: string[], row: Row) => JSON.stringify(matchOn.map((name) => (row[name] === null ? null : String(row[name]))));
  const rowsMatching = (matchOn: string[], record: Row) => {
    const indexKey = JSON.stringify(matchOn);
    if (!indexes.has(indexKey)) {
      const index = new Map<string, Row[]>();
      for (const row of rows) {
        if (matchOn.some((name) => row[name] === null)) continue;
        const key = keyOf(matchOn, row);
        if (!index.has(key)) index.set(key, []);
        index.get(key)!.push(row);
      }
      indexes.set(indexKey, index);
    }
    return indexes.get(indexKey)!.get(keyOf(matchOn, record)) ?? [];
  };
  return { revision, columns, rows, model, rowsMatching, usableFactors: (legitimate) => (usable ??= usableFactors(rows, legitimate)), donors: new Set(rows.map((row) => row[DONOR_COLUMN])).size, datasetSha256: hash.digest('hex') };
}

/** Snapshots per campaign revision (see `RevisionCache`: a deletion is never served stale). */
export class CampaignSnapshots extends RevisionCache<CampaignSnapshot> {
  constructor(db: Database) {
    super(db, (campaign) => takeSnapshot(db, campaign));
  }
}
