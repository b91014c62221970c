/**
 * Prints analysis results: `json` exactly as the library returns them (DESIGN.md's shapes),
 * `csv` one row per coefficient or group, `table` aligned columns for a person at a terminal.
 * Whole-model figures (deviance, AIC, the likelihood-ratio test…) are `notes` under a table and,
 * in csv, `summary` columns repeated on every row, so a spreadsheet or `read.csv` keeps them.
 */
import Papa from 'papaparse';

export type OutputFormat = 'table' | 'json' | 'csv';

type Cell = string | number | null | undefined;

function formatNumber(value: Cell): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e6) ? value.toExponential(3) : value.toPrecision(5);
}

function alignedTable(headers: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map(formatNumber));
  const widths = headers.map((header, column) => Math.max(header.length, ...text.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...text.map(line)].join('\n');
}

export interface Tabular {
  headers: string[];
  rows: Cell[][];
  /** Lines printed under the table (fit statistics, warnings). */
  notes: string[];
  /** Figures of the whole result, added to every csv row as `name` columns (not shown in tables). */
  summary?: Array<[string, Cell | boolean]>;
}

/** `tabular` with one more note under the table, when there is one. */
export function withNote(tabular: Tabular, note: string | undefined): Tabular {
  return note === undefined ? tabular : { ...tabular, notes: [...tabular.notes, note] };
}

export function render(result: unknown, tabular: Tabular, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'csv': {
      const summary = tabular.summary ?? [];
      const fields = [...tabular.headers, ...summary.map(([name]) => name)];
      // A name twice would be read as one column by most CSV readers (and refused by ours).
      const twice = fields.find((field, index) => fields.indexOf(field) !== index);
      if (twice !== undefined) throw new Error(`The csv output would have the column "${twice}" twice.`);
      const data = tabular.rows.map((row) => [...row, ...summary.map(([, value]) => (typeof value === 'boolean' ? String(value) : value))].map((cell) => cell ?? ''));
      return `${Papa.unparse({ fields, data })}\n`;
    }
    default:
      return `${alignedTable(tabular.headers, tabular.rows)}\n${tabular.notes.map((note) => `${note}\n`).join('')}`;
  }
}
