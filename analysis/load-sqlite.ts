/**
 * A campaign's donated records in a crowdaudit SQLite database as a RowSource, streamed with
 * better-sqlite3's `iterate()` so memory does not grow with the number of records. The database
 * is opened read-only. Booleans become 1/0; a field a record does not have is missing.
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { AnalysisError } from './analysis-error';
import type { Cell, Row, RowSource } from './types';

function openReadOnly(file: string): BetterSqlite3.Database {
  if (!fs.existsSync(file)) throw new AnalysisError(`No such database file: ${file}`);
  return new BetterSqlite3(file, { readonly: true, fileMustExist: true });
}

function cellOf(value: unknown): Cell {
  if (value === true) return 1;
  if (value === false) return 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return null;
}

export function sqliteRowSource(file: string, campaignSlug: string): RowSource {
  const columns = (): string[] => {
    const db = openReadOnly(file);
    try {
      const keys = db
        .prepare(`SELECT DISTINCT key FROM records, json_each(records.data) WHERE campaign_slug = @campaignSlug ORDER BY key`)
        .all({ campaignSlug }) as Array<{ key: string }>;
      if (keys.length === 0) throw new AnalysisError(`The selection is empty: campaign "${campaignSlug}" has no records in ${file}.`);
      return keys.map((row) => row.key);
    } finally {
      db.close();
    }
  };
  let known: string[] | undefined;
  return {
    async columns() {
      known ??= columns();
      return known;
    },
    rows(): AsyncIterable<Row> {
      const names = known ?? columns();
      return (async function* readRows() {
        const db = openReadOnly(file);
        try {
          const statement = db.prepare('SELECT data FROM records WHERE campaign_slug = @campaignSlug ORDER BY id');
          for (const { data } of statement.iterate({ campaignSlug }) as Iterable<{ data: string }>) {
            const record = JSON.parse(data) as Record<string, unknown>;
            const row: Row = {};
            for (const name of names) row[name] = cellOf(record[name]);
            yield row;
          }
        } finally {
          db.close();
        }
      })();
    },
    async sizeHint() {
      const db = openReadOnly(file);
      try {
        const { total } = db.prepare('SELECT COUNT(*) AS total FROM records WHERE campaign_slug = @campaignSlug').get({ campaignSlug }) as { total: number };
        return { total, unit: 'rows' as const };
      } finally {
        db.close();
      }
    },
  };
}
