/**
 * A CSV file as a RowSource, streamed with papaparse: each pass re-reads the file, so memory does
 * not grow with its length. Cells stay text; the analyses decide which columns are numeric.
 * Empty cells and `NA` are missing. A UTF-8 byte-order mark is ignored.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import { AnalysisError } from './analysis-error';
import type { Row, RowSource } from './types';

export function csvRowSource(file: string): RowSource {
  if (!fs.existsSync(file)) throw new AnalysisError(`No such CSV file: ${file}`);
  return {
    async columns() {
      return readHeader(file);
    },
    rows(): AsyncIterable<Row> {
      const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
        header: true,
        skipEmptyLines: true,
        transformHeader: (name: string) => name.replace(/^\uFEFF/, '').trim(),
      });
      const stream = fs.createReadStream(file);
      stream.on('error', (error) => parser.destroy(error));
      stream.pipe(parser);
      return (async function* readRows() {
        let dataRow = 0;
        for await (const record of parser as AsyncIterable<Record<string, string>>) {
          dataRow += 1;
          if ('__parsed_extra' in record) throw new AnalysisError(`${file}: data row ${dataRow} has more cells than the header.`);
          yield record as Row;
        }
      })();
    },
    async sizeHint() {
      return { total: fs.statSync(file).size, unit: 'bytes' as const };
    },
  };
}

/** The header line, read from the start of the file only. */
function readHeader(file: string): string[] {
  const descriptor = fs.openSync(file, 'r');
  try {
    const start = Buffer.alloc(256 * 1024);
    const length = fs.readSync(descriptor, start, 0, start.length, 0);
    const text = start.subarray(0, length).toString('utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { preview: 1 });
    return (parsed.data[0] ?? []).map((name) => name.trim());
  } finally {
    fs.closeSync(descriptor);
  }
}
