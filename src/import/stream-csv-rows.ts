/**
 * A CSV file, or a byte range of it, streamed as rows of cells: bytes → iconv-lite (a byte-order
 * mark at the file's start stripped) → papaparse, chunk by chunk. Each chunk's rows are handed
 * over synchronously, and papaparse reads the next chunk only after the handler returns, so
 * memory stays flat whatever the file's size. A handler that returns a promise pauses the file
 * until it settles: an import worker waits so while the database writer catches up. The import uses it, and the import benchmark times it alone as the reference
 * ("papaparse's parse time").
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { CsvEncoding } from '../csv/decode-csv-bytes';
import type { CsvDelimiter } from '../csv/detect-delimiter';
import type { CsvNewline } from './csv-file-parts';

/** Bytes read at a time; papaparse was fastest with 64 KiB among 16 KiB–1 MiB. */
export const CSV_READ_CHUNK_BYTES = 64 * 1024;

export interface CsvChunk {
  rows: string[][];
  /** Positions in `rows` of rows with an unclosed or stray quotation mark. */
  brokenQuotes: ReadonlySet<number>;
}

export interface StreamCsvRowsOptions {
  file: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /**
   * Called with each chunk's rows; throwing (or a returned promise rejecting) stops the stream and
   * rejects. A returned promise pauses reading until it resolves.
   */
  onChunk: (chunk: CsvChunk) => void | Promise<void>;
  onBytes?: (bytesRead: number) => void;
  /** Bytes `[start, end)` of the file only (a part of it that begins and ends at a row boundary); default all. */
  start?: number;
  end?: number;
  /** The line ending; default papaparse's guess from the first chunk. Parts of one file must share it. */
  newline?: CsvNewline;
}

export function streamCsvRows(options: StreamCsvRowsOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // createReadStream's end is inclusive.
    const range = { start: options.start, end: options.end === undefined ? undefined : options.end - 1 };
    const input = fs.createReadStream(options.file, { highWaterMark: CSV_READ_CHUNK_BYTES, ...range });
    let failed = false;
    const fail = (error: Error, parser?: Papa.Parser): void => {
      if (failed) return;
      failed = true;
      parser?.abort();
      input.destroy();
      reject(error);
    };
    // The handler's last promise: the stream is done only when it has settled too.
    let waiting: Promise<void> | undefined;
    let bytesRead = 0;
    if (options.onBytes) {
      input.on('data', (chunk) => {
        bytesRead += chunk.length;
        options.onBytes!(bytesRead);
      });
    }
    input.on('error', (error) => fail(error));
    // A byte-order mark can only begin the file, not a part of it.
    const decoded = input.pipe(iconv.decodeStream(options.encoding, { stripBOM: (options.start ?? 0) === 0 }));
    Papa.parse<string[]>(decoded, {
      delimiter: options.delimiter,
      newline: options.newline,
      header: false,
      chunk: (results, parser) => {
        try {
          const brokenQuotes = new Set<number>();
          for (const error of results.errors) {
            if ((error.code === 'MissingQuotes' || error.code === 'InvalidQuotes') && error.row !== undefined) brokenQuotes.add(error.row);
          }
          const wait = options.onChunk({ rows: results.data, brokenQuotes });
          if (wait) {
            // Papaparse may still hold a chunk or two already read; it is the file that waits.
            input.pause();
            waiting = wait.then(() => {
              input.resume();
            }, (error: Error) => fail(error, parser));
          }
        } catch (error) {
          fail(error as Error, parser);
        }
      },
      complete: () => {
        void Promise.resolve(waiting).then(() => {
          if (!failed) resolve();
        });
      },
      error: (error: Error) => fail(error),
    });
  });
}
