/**
 * Random row ids for donations and their records. SQLite numbers rows 1, 2, 3… in the order they
 * are inserted, and tables are read in that order; with the request log's times, the order would
 * date each donation to the second, though only its day is stored. A random id (53 bits, so that
 * JavaScript reads it exactly) leaves neither the ids nor the table's order anything to tell.
 */
import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A random integer in [1, 2^53 − 1]. */
export function randomRowId(): number {
  return Number((randomBytes(8).readBigUInt64BE() % MAX_SAFE) + 1n);
}

/**
 * Runs an INSERT whose `@rowId` is a fresh random id, drawing again in the (about 1 in 10^10)
 * case that the id is taken: a failed statement undoes only itself, not the transaction around it.
 */
export function insertWithRandomRowId(statement: Statement, parameters: Record<string, unknown>, idColumn: 'rowid' | 'id'): void {
  for (let attempt = 1; ; attempt += 1) {
    try {
      statement.run({ ...parameters, rowId: randomRowId() });
      return;
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      const rowIdTaken = (code === 'SQLITE_CONSTRAINT_ROWID' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') && message?.endsWith(`.${idColumn}`) === true;
      if (!rowIdTaken || attempt === 3) throw error;
    }
  }
}
