import type { Row, RowSource } from './types';

/** A RowSource over rows already in memory (scripts, tests, small tables). */
export function arrayRowSource(rows: readonly Row[], columns?: string[]): RowSource {
  return {
    columns: async () => columns ?? Object.keys(rows[0] ?? {}),
    rows: async function* rowsInOrder() {
      yield* rows;
    },
    sizeHint: async () => ({ total: rows.length, unit: 'rows' }),
  };
}
