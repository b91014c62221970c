/**
 * A campaign's records in a crowdaudit SQLite database (donated and imported) as a RowSource,
 * read a page at a time through the server's own record repository, so memory does not grow with
 * the number of records and the two ways records are stored are read in one place. The database
 * is opened read-only. Booleans become 1/0; a field a record does not have is missing.
 *
 * With `donorColumn`, each row also carries its donor key (the donation; each respondent of an
 * imported survey) in that column, so that errors can be clustered by donor. The key is an opaque
 * id that never leaves the analysis: results name only the column and the number of donors.
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { RecordRepository } from '../src/storage/record-repository';
import { AnalysisError } from './analysis-error';
import type { Cell, Row, RowSource } from './types';

function openReadOnly(file: string): BetterSqlite3.Database {
  if (!fs.existsSync(file)) throw new AnalysisError(`No such database file: ${file}`);
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  // Read-only, so it cannot be upgraded here; every command that writes (serve, import, purge) does it.
  const hasBatches = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_batches'").get() !== undefined;
  if (!hasBatches) {
    db.close();
    throw new AnalysisError(`${file} was written by an older crowdaudit. Start the server on it once (crowdaudit serve --db ${file}) to upgrade it, then try again.`);
  }
  return db;
}

function cellOf(value: unknown): Cell {
  if (value === true) return 1;
  if (value === false) return 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return null;
}

/** The column name the analysis commands give the donor key (`--cluster donor`, the default for a campaign). */
export const DONOR_COLUMN = 'donor';

export function sqliteRowSource(file: string, campaignSlug: string, options: { donorColumn?: string } = {}): RowSource {
  const { donorColumn } = options;
  const columns = (): string[] => {
    const db = openReadOnly(file);
    try {
      const names = new RecordRepository(db).fieldNames(campaignSlug);
      if (names.length === 0) throw new AnalysisError(`The selection is empty: campaign "${campaignSlug}" has no records in ${file}.`);
      if (donorColumn === undefined) return names;
      if (names.includes(donorColumn)) throw new AnalysisError(`Campaign "${campaignSlug}" has a field named "${donorColumn}", the name given to each record's donor; cluster by another column with --cluster, or turn clustering off with --cluster none.`);
      return [...names, donorColumn];
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
          for (const { record, donorKey } of new RecordRepository(db).iterate(campaignSlug)) {
            const row: Row = {};
            for (const name of names) row[name] = cellOf(record[name]);
            if (donorColumn !== undefined) row[donorColumn] = donorKey;
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
        return { total: new RecordRepository(db).counts(campaignSlug).records, unit: 'rows' as const };
      } finally {
        db.close();
      }
    },
  };
}
