/** PostgreSQL's migration 010 (project unit-postgres): releases stored as text read the same after it, and new ones are bytes. */
import { Pool } from 'pg';
import { parseReleaseDocument } from '../../../src/evidence/releases/release-document';
import { migratePostgres } from '../../../src/storage/postgres/migrate-postgres';
import { postgresMigrations } from '../../../src/storage/postgres/migrations';
import { postgresRepositories } from '../../../src/storage/postgres/postgres-repositories';
import { createTestDatabase } from '../../helpers/test-database';
import { TEXT_RELEASES } from '../../helpers/text-releases';

describe('PostgreSQL migration 010: compressed releases', () => {
  test('when a database with releases stored as text is migrated, then each reads as before and the column holds bytes', async () => {
    const pool = new Pool({ connectionString: await createTestDatabase(), max: 2 });
    try {
      await migratePostgres(pool, postgresMigrations.filter((migration) => migration.version < 10));
      for (const { number, text } of TEXT_RELEASES) {
        await pool.query("INSERT INTO findings_releases (campaign_slug, number, released_at, revision, findings_json) VALUES ('credit-scores', $1, '2026-11-01T00:00:00.000Z', 7, $2)", [number, text]);
      }
      expect(await migratePostgres(pool)).toEqual([10]);
      const { releases } = postgresRepositories(pool);
      for (const { number, read } of TEXT_RELEASES) expect(parseReleaseDocument((await releases.document('credit-scores', number))!)).toEqual(read);
      const column = await pool.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'findings_releases' AND column_name = 'document'");
      expect(column.rows).toEqual([{ data_type: 'bytea' }]);
      const bytes = new Uint8Array([0x1f, 0x8b, 0, 255]);
      expect(await releases.insert({ campaignSlug: 'credit-scores', number: 3, releasedAt: '2026-11-02T00:00:00.000Z', revision: 8, document: bytes })).toBe(true);
      expect([...(await releases.document('credit-scores', 3))!]).toEqual([...bytes]);
    } finally {
      await pool.end();
    }
  });
});
