/**
 * Shared shapes of the statistics engine. The engine knows nothing of HTTP or campaigns:
 * it reads rows and returns plain results in the JSON shapes of DESIGN.md "Analysis".
 */

/** One cell: a number, a text level, or null when the value is missing. */
export type Cell = string | number | null;

/** One row of a table, by column name. */
export type Row = Record<string, Cell>;

/**
 * A table that can be read more than once, front to back, without holding it in memory.
 * Each call starts a fresh pass (a CSV file re-opened, a SQLite statement re-run).
 */
export interface RowSource {
  /** Column names in file order. */
  columns(): Promise<string[]>;
  rows(): AsyncIterable<Row>;
  /**
   * The same rows as arrays of cells in `columns` order, a block at a time: a faster path for
   * large sources (no object per row). Optional; `rows()` is always there.
   */
  batches?(): AsyncIterable<RowBatch>;
  /**
   * Only the given columns, a block of rows at a time, column by column: the fastest path (no
   * array per row, no cell of an unused column). Optional; a column the source lacks reads as
   * undefined in every row.
   */
  columnBlocks?(columns: readonly string[]): AsyncIterable<ColumnBlock>;
  /** Size hint for progress bars (bytes or rows), when known. */
  sizeHint?(): Promise<{ total: number; unit: 'bytes' | 'rows' } | undefined>;
}

/** `column -> reference level` for categorical columns. */
export type ReferenceLevels = Record<string, string>;

/** A block of rows as cell arrays; a missing trailing cell is undefined. */
export interface RowBatch {
  columns: string[];
  cells: Array<Array<Cell | undefined>>;
}

/** A block of rows, one array of cells per requested column (`cells[column][row]`). */
export interface ColumnBlock {
  rows: number;
  cells: Array<Array<Cell | undefined>>;
}
