/**
 * The CPU half of a bulk import: one part of the file (`csv-file-parts.ts`) streamed through
 * papaparse, every row checked, the valid ones encoded as stored (`import-batch-codec.ts`) and
 * handed over a batch at a time, the rest written to a rejects report with their spreadsheet row
 * numbers. It touches no database, so it runs in worker threads beside the thread that writes
 * (`import-worker.ts`).
 */
import type { Campaign } from '../campaigns/types';
import type { CsvColumns } from '../csv/campaign-csv-columns';
import { checkCsvRow } from '../csv/check-csv-row';
import type { CsvEncoding } from '../csv/decode-csv-bytes';
import type { CsvDelimiter } from '../csv/detect-delimiter';
import { encodeRecordValues } from '../storage/import-batch-codec';
import type { CsvFilePart, CsvNewline } from './csv-file-parts';
import { compileFastRecordReader } from './fast-record-reader';
import { RejectsReport } from './rejects-report';
import { streamCsvRows } from './stream-csv-rows';

export interface SurveyBatch {
  /** The fields in the order of each record's values, and the enum levels: see `import-batch-codec.ts`. */
  layoutJson: string;
  /** The records as stored: `[[0,"2025-01",…],…]`. */
  recordsJson: string;
  records: number;
}

export interface ReadSurveyBatchesOptions {
  campaign: Campaign;
  file: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** The header's cells as written (for the rejects report) and the fields they name. */
  headerCells: readonly string[];
  columns: CsvColumns;
  batchSize: number;
  /** The rejects report of this part, written without a header (`joinRejectsReports` adds it). */
  rejectsPath: string;
  /** The bytes to read and the rows before them; the part's first row is the header when `firstRow` is 0. */
  part: CsvFilePart;
  newline?: CsvNewline;
  /** Called with each full batch, and the last one. */
  onBatch: (batch: SurveyBatch) => void;
  /** Asked after each chunk of the file; a returned promise pauses reading until it resolves (the writer is behind). */
  ready?: () => Promise<void> | undefined;
  onBytes?: (bytesRead: number) => void;
}

export interface SurveyBatchesResult {
  records: number;
  rejected: number;
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

export async function readSurveyBatches(options: ReadSurveyBatchesOptions): Promise<SurveyBatchesResult> {
  const { campaign, columns, batchSize, part } = options;
  const reader = compileFastRecordReader(campaign, columns);
  const layoutJson = JSON.stringify(reader.layout);
  const rejects = new RejectsReport(options.rejectsPath, options.headerCells, options.delimiter, { header: false });
  let records = 0;
  let pending: string[] = [];
  const hand = (): void => {
    if (pending.length === 0) return;
    options.onBatch({ layoutJson, recordsJson: `[${pending.join(',')}]`, records: pending.length });
    records += pending.length;
    pending = [];
  };

  // Data rows by papaparse's index in the whole file: row 0 is the header, so spreadsheet row = index + 1.
  let rowIndex = part.firstRow;
  const handleRows = (rows: string[][], brokenQuotes: ReadonlySet<number>): Promise<void> | undefined => {
    for (let index = 0; index < rows.length; index += 1, rowIndex += 1) {
      if (rowIndex === 0) continue;
      const cells = rows[index];
      if (isBlank(cells)) continue;
      const spreadsheetRow = rowIndex + 1;
      if (brokenQuotes.has(index)) {
        rejects.add(spreadsheetRow, [{ message: 'A quotation mark is not closed properly, so the cells of this row cannot be told apart.' }], cells);
        continue;
      }
      let stored = reader.read(cells);
      if (stored === undefined) {
        // checkCsvRow numbers rows as index + 2, so index = spreadsheet row - 2.
        const check = checkCsvRow(campaign, columns, cells, spreadsheetRow - 2);
        if (!check.record) {
          rejects.add(spreadsheetRow, check.issues, cells);
          continue;
        }
        stored = encodeRecordValues(reader.layout, check.record);
      }
      pending.push(stored);
      if (pending.length >= batchSize) hand();
    }
    return options.ready?.();
  };

  try {
    await streamCsvRows({
      file: options.file,
      encoding: options.encoding,
      delimiter: options.delimiter,
      start: part.start,
      end: part.end,
      newline: options.newline,
      onChunk: (chunk) => handleRows(chunk.rows, chunk.brokenQuotes),
      onBytes: options.onBytes,
    });
    hand();
  } finally {
    rejects.close();
  }
  return { records, rejected: rejects.count };
}
