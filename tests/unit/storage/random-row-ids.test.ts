/**
 * Stored donations carry no insertion order (with the request log's times it would date each
 * donation to the second), and log lines give times to the second only.
 */
import { Writable } from 'node:stream';
import BetterSqlite3 from 'better-sqlite3';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import type { DonationBody } from '../../../src/campaigns/types';
import { DonationService } from '../../../src/donations/donation-service';
import { createLogger } from '../../../src/logger';
import { AuditLog } from '../../../src/storage/audit-log';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { migrate } from '../../../src/storage/migrate';
import { migrations } from '../../../src/storage/migrations';
import { openDatabase } from '../../../src/storage/open-database';
import { SqliteStore } from '../../../src/storage/sqlite-store';

const campaign = loadCampaigns().get('credit-scores')!;
const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
const body = (scores: number[]): DonationBody => ({
  consent: { version: campaign.consent.version, purposes: ['research'] },
  records: scores.map((score) => ({ ...example, score_value: score })),
  locale: 'en',
});

/** True when every value is above the one before: the order the rows were inserted in. */
function increasing(values: number[]): boolean {
  return values.every((value, index) => index === 0 || value > values[index - 1]);
}

describe('no insertion order in stored donations', () => {
  it('when 50 donations are stored one after another, then neither rowids nor the table order follow that sequence', async () => {
    const db = openDatabase(':memory:');
    const service = new DonationService(new SqliteStore(db));
    const inserted: string[] = [];
    for (let index = 0; index < 50; index += 1) inserted.push((await service.donate(campaign, body([index + 1]))).receipt.donationId);
    const rows = db.prepare('SELECT rowid AS rowId, id, locale FROM donations').all() as Array<{ rowId: number; id: string }>;
    expect(rows).toHaveLength(50);
    // In insertion order the rowids are not increasing (a chance of 1 in 50! were they random and this failed).
    const byId = new Map(rows.map((row) => [row.id, row.rowId]));
    expect(increasing(inserted.map((id) => byId.get(id)!))).toBe(false);
    // Read without ORDER BY, the table is not in insertion order either.
    expect(rows.map((row) => row.id)).not.toEqual(inserted);
    expect(rows.every((row) => Number.isSafeInteger(row.rowId) && row.rowId > 0)).toBe(true);
    // A record's id and its table order follow neither the donations nor its own position.
    const records = db.prepare('SELECT id FROM records').all() as Array<{ id: number }>;
    expect(records).toHaveLength(50);
    const recordIdsInOrder = inserted.map((donationId) => (db.prepare('SELECT id FROM records WHERE donation_id = ?').get(donationId) as { id: number }).id);
    expect(increasing(recordIdsInOrder)).toBe(false);
    db.close();
  });

  it('when one donation holds 50 records, then their ids are not increasing with their position, and they read back in order', async () => {
    const db = openDatabase(':memory:');
    const service = new DonationService(new SqliteStore(db));
    const outcome = await service.donate(campaign, body(Array.from({ length: 50 }, (_unused, index) => 100 + index)));
    const ids = (db.prepare('SELECT id FROM records ORDER BY position').all() as Array<{ id: number }>).map((row) => row.id);
    expect(increasing(ids)).toBe(false);
    const stored = (await service.findByReceipt(outcome.receipt.receipt))!;
    expect(stored.records.map((record) => record.score_value)).toEqual(Array.from({ length: 50 }, (_unused, index) => 100 + index));
    db.close();
  });

  it('when a database from before migration 007 is migrated, then its rows are shuffled and nothing is lost', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.filter((migration) => migration.version < 7));
    const insertDonation = db.prepare(`INSERT INTO donations (id, campaign_slug, campaign_version, receipt_hash, consent_version,
      consent_sha256, purposes_json, locale, content_sha256, record_count, created_on) VALUES (?, 'c', '1', ?, '1', 'x', '[]', 'en', 'x', 2, '2026-01-01')`);
    const insertRecord = db.prepare("INSERT INTO records (donation_id, campaign_slug, position, data) VALUES (?, 'c', ?, ?)");
    const inserted = Array.from({ length: 50 }, (_unused, index) => `donation-${String(index).padStart(2, '0')}`);
    for (const id of inserted) {
      insertDonation.run(id, `receipt-${id}`);
      insertRecord.run(id, 0, `{"n":"${id}-0"}`);
      insertRecord.run(id, 1, `{"n":"${id}-1"}`);
    }
    expect(increasing((db.prepare('SELECT rowid AS r FROM donations').all() as Array<{ r: number }>).map((row) => row.r))).toBe(true);

    migrate(db);
    // A column outside every index, so that SQLite reads the table itself (a covering index on id would give id order).
    const donations = db.prepare('SELECT rowid AS rowId, id, locale FROM donations').all() as Array<{ rowId: number; id: string }>;
    expect(donations.map((row) => row.id)).not.toEqual(inserted);
    expect([...donations.map((row) => row.id)].sort()).toEqual(inserted);
    const byId = new Map(donations.map((row) => [row.id, row.rowId]));
    expect(increasing(inserted.map((id) => byId.get(id)!))).toBe(false);
    const records = db.prepare('SELECT id, donation_id AS donationId, position, data FROM records').all() as Array<{ id: number; donationId: string; position: number; data: string }>;
    expect(records).toHaveLength(100);
    expect(records.every((row) => row.data === `{"n":"${row.donationId}-${row.position}"}` && row.id > 0)).toBe(true);
    expect(increasing(records.map((row) => row.id))).toBe(true); // read in id order…
    expect(records.map((row) => `${row.donationId}-${row.position}`)).not.toEqual(inserted.flatMap((id) => [`${id}-0`, `${id}-1`])); // …which is no longer insertion order
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('log times', () => {
  it('when the logger writes a line, then its time is an ISO time to the second, without milliseconds', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    createLogger('info', sink).info({ event: 'test' }, 'hello');
    const line = JSON.parse(lines[0]) as { time: string; msg: string };
    expect(line.msg).toBe('hello');
    expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(line.time) - Date.now())).toBeLessThan(5_000);
  });
});
