/** The `findings_releases` table: each campaign's published findings, one row per release. */
import type { Database } from 'better-sqlite3';
import { bytesAsBuffer } from '../bytes-as-buffer';

export interface ReleaseRow {
  campaignSlug: string;
  number: number;
  /** ISO 8601, UTC, to the second. */
  releasedAt: string;
  /** The campaign revision the findings include (internal: never published). */
  revision: number;
  /** What release-document.ts stores: gzip-compressed (rows from before migration 010: the text's bytes). */
  document: Uint8Array;
}

export type ReleaseMeta = Omit<ReleaseRow, 'document'>;

export class ReleaseRepository {
  private readonly latestMetaRow;
  private readonly documentOf;
  private readonly insertRow;

  constructor(db: Database) {
    this.latestMetaRow = db.prepare(`SELECT campaign_slug AS campaignSlug, number, released_at AS releasedAt, revision
      FROM findings_releases WHERE campaign_slug = @campaignSlug ORDER BY number DESC LIMIT 1`);
    this.documentOf = db.prepare('SELECT document FROM findings_releases WHERE campaign_slug = @campaignSlug AND number = @number').pluck();
    // The number must follow the latest one: a process that lost a race to cut it inserts nothing.
    this.insertRow = db.prepare(`INSERT INTO findings_releases (campaign_slug, number, released_at, revision, document)
      SELECT @campaignSlug, @number, @releasedAt, @revision, @document
      WHERE @number = 1 + (SELECT COALESCE(MAX(number), 0) FROM findings_releases WHERE campaign_slug = @campaignSlug)
      ON CONFLICT DO NOTHING`);
  }

  /** The latest release without its findings (a cheap read, done on every findings request). */
  latest(campaignSlug: string): ReleaseMeta | undefined {
    return this.latestMetaRow.get({ campaignSlug }) as ReleaseMeta | undefined;
  }

  document(campaignSlug: string, number: number): Uint8Array | undefined {
    return this.documentOf.get({ campaignSlug, number }) as Buffer | undefined;
  }

  /** Stores the release; false when another writer has already stored that number. */
  insert(row: ReleaseRow): boolean {
    return this.insertRow.run({ ...row, document: bytesAsBuffer(row.document) }).changes === 1;
  }
}
