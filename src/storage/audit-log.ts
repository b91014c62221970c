import type { Database } from 'better-sqlite3';

export interface AuditEntry {
  action: string;
  campaignSlug?: string;
  actor: string;
  detail?: Record<string, string | number | boolean>;
}

/** Appends to the audit log: what happened, by whom, never to whom. */
export class AuditLog {
  private readonly insert;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO audit_log (at, action, campaign_slug, actor, detail_json)
      VALUES (@at, @action, @campaignSlug, @actor, @detailJson)`);
  }

  write(entry: AuditEntry, now: Date = new Date()): void {
    this.insert.run({
      at: now.toISOString(),
      action: entry.action,
      campaignSlug: entry.campaignSlug ?? null,
      actor: entry.actor,
      detailJson: JSON.stringify(entry.detail ?? {}),
    });
  }
}
