/**
 * Copies every data table of one store into an empty other (SQLite into PostgreSQL for
 * `crowdaudit migrate`), then checks the copy: per table, the row count and a SHA-256 over every
 * row (its columns in a fixed order, rows by key) must be the same on both sides.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../app-error';
import { bytesAsBuffer } from '../bytes-as-buffer';
import { DATA_TABLE_COLUMNS, DATA_TABLES, type DataTable } from './data-tables';
import type { TableAccess } from './store';

export interface TableCopy {
  table: DataTable;
  rows: number;
  sha256: string;
}

/** The table's row count and content hash: rows by key, each row's columns as a JSON array (bytes in base64), one per line. */
export async function tableDigest(tables: TableAccess, table: DataTable): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const page of tables.rows(table)) {
    for (const row of page) {
      hash.update(`${JSON.stringify(DATA_TABLE_COLUMNS[table].map((column) => cell(row[column])))}\n`);
      rows += 1;
    }
  }
  return { rows, sha256: hash.digest('hex') };
}

/** A column's value as hashed: bytes (a BLOB, a BYTEA) in base64, as each engine hands them over as a Buffer. */
function cell(value: unknown): unknown {
  return value instanceof Uint8Array ? bytesAsBuffer(value).toString('base64') : value ?? null;
}

/**
 * @throws AppError 409 naming the first table of the target that holds rows (nothing is copied
 *   then), 500 naming each table whose count or hash differs after the copy
 */
export async function copyStore(from: TableAccess, to: TableAccess, onTable?: (table: DataTable, rows: number) => void): Promise<TableCopy[]> {
  for (const table of DATA_TABLES) {
    const rows = await to.count(table);
    if (rows > 0) throw new AppError(409, 'target_not_empty', `The target database is not empty: its table ${table} holds ${rows} rows. Migrate into a new, empty database.`);
  }
  for (const table of DATA_TABLES) {
    let copied = 0;
    for await (const page of from.rows(table)) {
      await to.insertRows(table, page);
      copied += page.length;
    }
    onTable?.(table, copied);
  }
  const report: TableCopy[] = [];
  const differences: string[] = [];
  for (const table of DATA_TABLES) {
    const [source, target] = [await tableDigest(from, table), await tableDigest(to, table)];
    if (source.rows !== target.rows || source.sha256 !== target.sha256) {
      differences.push(`${table}: ${source.rows} rows (sha256 ${source.sha256.slice(0, 12)}…) copied as ${target.rows} (sha256 ${target.sha256.slice(0, 12)}…)`);
    }
    report.push({ table, ...source });
  }
  if (differences.length > 0) throw new AppError(500, 'copy_differs', `The copy differs from the source: ${differences.join('; ')}.`);
  return report;
}
