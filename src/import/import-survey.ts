/**
 * Imports an NGO's own survey (a CSV file of a campaign's records) into the database, for the
 * same analyses as donated records. Built for files of millions of rows:
 *
 * - The header is read and matched to the campaign's fields first, from the file's first bytes;
 *   a bad header stops the import before anything is written.
 * - The file is then streamed: bytes → iconv-lite (the encoding detected from the first bytes,
 *   byte-order mark stripped) → papaparse, chunk by chunk. Each chunk is handled synchronously,
 *   so papaparse reads the next one only after it: memory stays flat whatever the file size.
 * - Every row is checked by the campaign's own record schema (`checkCsvRow`), exactly as a
 *   donor's CSV row is. Rows that fail go to a rejects report with their spreadsheet row number;
 *   the rest are imported.
 * - Valid records are written in batches, one transaction per batch. A batch is one donation
 *   row with `source = 'import'` (migration 004) holding the batch's records; each imported
 *   record stands for one respondent. The batch's receipt hash is a random value that no
 *   receipt can hash to (receipt hashes are 64 hex digits), so nobody can read or withdraw an
 *   import by receipt: the NGO answers its respondents' requests itself, and can run
 *   `crowdaudit purge` or delete the campaign's import batches.
 *
 * If the import fails half-way (a disk error), the batches already committed stay, and the error
 * says how many records they hold; nothing of the failing batch is stored.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../app-error';
import type { Campaign } from '../campaigns/types';
import { matchCsvColumns, type CsvColumns } from '../csv/campaign-csv-columns';
import { checkCsvRow } from '../csv/check-csv-row';
import { CsvFormatError } from '../csv/csv-error';
import { assertLooksLikeText, detectCsvEncoding, type CsvEncoding } from '../csv/decode-csv-bytes';
import { detectDelimiter, type CsvDelimiter } from '../csv/detect-delimiter';
import { missingRequiredPurposes } from '../donations/consent';
import type { AuditLog } from '../storage/audit-log';
import type { ImportRepository } from '../storage/import-repository';
import { compileFastRecordReader } from './fast-record-reader';
import { RejectsReport } from './rejects-report';
import { streamCsvRows } from './stream-csv-rows';

/** Records per transaction. Measured on 100,000 records, 2,000, 10,000 and 50,000 were within
 * the noise of each other (1.3–1.8 s); 10,000 keeps a batch at a few megabytes and a million
 * records at a hundred commits, each waiting for the disk (synchronous = FULL). */
export const DEFAULT_IMPORT_BATCH_SIZE = 10_000;

/** Bytes read up front to detect the encoding and read the header. */
const HEADER_PROBE_BYTES = 256 * 1024;

/** The purposes an import is used for unless `purposes` says otherwise. */
export const DEFAULT_IMPORT_PURPOSES: readonly string[] = ['research'];

export interface ImportSurveyOptions {
  campaign: Campaign;
  /** The CSV file: UTF-8 (±BOM), Windows-1252 or UTF-16, separated by `,`, `;` or tabs. */
  file: string;
  /** The NGO's legal basis or consent text for its survey; stored with each batch, with its SHA-256. */
  consentBasis?: string;
  /** Consent purposes the respondents agreed to; must include the campaign's required ones. */
  purposes?: readonly string[];
  /** Where rejected rows are reported; default beside the file: `survey.csv` → `survey.rejected.csv`. */
  rejectsPath?: string;
  batchSize?: number;
  /** Checks every row and writes the rejects report, but stores nothing. */
  dryRun?: boolean;
  /** Called as bytes are read, for a progress bar. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  now?: () => Date;
}

export interface ImportSurveyResult {
  campaign: string;
  /** Records stored (with `dryRun`: that would be stored). */
  imported: number;
  rejected: number;
  /** Transactions committed, each one donation row of `source = 'import'`. */
  batches: number;
  /** The rejects report, when a row was rejected. */
  rejectsPath?: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  dryRun: boolean;
}

interface Header {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  cells: string[];
  columns: CsvColumns;
}

/**
 * Reads the header from the file's first bytes and matches it to the campaign.
 * @throws AppError 400 `invalid_csv` for an empty or binary file, or unknown, repeated or missing columns
 */
export function readImportHeader(campaign: Campaign, file: string): Header {
  const probe = Buffer.alloc(HEADER_PROBE_BYTES);
  const descriptor = fs.openSync(file, 'r');
  let length: number;
  try {
    length = fs.readSync(descriptor, probe, 0, probe.length, 0);
  } finally {
    fs.closeSync(descriptor);
  }
  const bytes = probe.subarray(0, length);
  const encoding = detectCsvEncoding(bytes, { partial: true });
  // A UTF-16 code unit cut at the end of the probe would decode as U+FFFD: drop the odd byte.
  const whole = encoding.startsWith('utf-16') && length % 2 === 1 ? bytes.subarray(0, length - 1) : bytes;
  const text = iconv.decode(whole, encoding, { stripBOM: true });
  if (text.trim() === '') throw new CsvFormatError('empty', 'The file is empty.', [{ path: ['records'], message: 'Empty file' }]);
  assertLooksLikeText(text);
  const delimiter = detectDelimiter(text);
  const [cells = []] = Papa.parse<string[]>(text, { delimiter, header: false, preview: 1 }).data;
  if (cells.every((cell) => cell.trim() === '')) {
    throw new CsvFormatError('no-header', 'The first row of the file must name the columns.', [{ path: ['records', 'header'], message: 'Missing header' }]);
  }
  return { encoding, delimiter, cells, columns: matchCsvColumns(campaign, cells) };
}

/**
 * Checks the purposes an import claims against the campaign's.
 * @throws AppError 400 `invalid_purposes` naming an unknown or missing required purpose
 */
export function checkImportPurposes(campaign: Campaign, purposes: readonly string[]): string[] {
  const known = campaign.consent.purposes.map((purpose) => purpose.id as string);
  const unknown = purposes.filter((purpose) => !known.includes(purpose));
  if (unknown.length > 0) {
    throw new AppError(400, 'invalid_purposes', `Unknown purpose ${unknown.map((p) => `"${p}"`).join(', ')}. The campaign's purposes are: ${known.join(', ')}.`,
      [{ path: ['purposes'], message: `Unknown: ${unknown.join(', ')}` }]);
  }
  const missing = missingRequiredPurposes(campaign, purposes);
  if (missing.length > 0) {
    throw new AppError(400, 'invalid_purposes', `The purposes must include ${missing.join(', ')}, which every record of this campaign is used for.`,
      [{ path: ['purposes'], message: `Must include ${missing.join(', ')}` }]);
  }
  return [...new Set(purposes)].sort();
}

/** `survey.csv` → `survey.rejected.csv`, beside it. */
export function defaultRejectsPath(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}.rejected.csv`);
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

export class SurveyImporter {
  constructor(
    private readonly repository: ImportRepository,
    private readonly auditLog: AuditLog,
  ) {}

  /**
   * @throws AppError 400 for a bad header, bad purposes or a file that is not CSV text (nothing is
   *   written then), 409 when the campaign is closed
   */
  async importSurvey(options: ImportSurveyOptions): Promise<ImportSurveyResult> {
    const { campaign, file } = options;
    const now = options.now ?? (() => new Date());
    const dryRun = options.dryRun ?? false;
    const batchSize = options.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE;
    if (campaign.status !== 'open') {
      throw new AppError(409, 'campaign_closed', `The campaign "${campaign.slug}" is closed and takes no records.`);
    }
    const purposesJson = JSON.stringify(checkImportPurposes(campaign, options.purposes ?? DEFAULT_IMPORT_PURPOSES));
    const consentBasis = options.consentBasis?.trim() || null;
    const consentSha256 = createHash('sha256').update(consentBasis ?? '').digest('hex');
    const header = readImportHeader(campaign, file);
    const totalBytes = fs.statSync(file).size;
    const rejects = new RejectsReport(options.rejectsPath ?? defaultRejectsPath(file), header.cells, header.delimiter);

    const db = this.repository.db;
    const writeBatch = db.transaction((recordsJson: string[]) => {
      // One update over the joined text: ten thousand small updates cost ten times as much.
      const content = createHash('sha256').update(`${recordsJson.join('\n')}\n`);
      this.repository.insertBatch({
        id: randomUUID(),
        campaignSlug: campaign.slug,
        campaignVersion: campaign.version,
        receiptHash: `import:${randomUUID()}`,
        consentSha256,
        consentBasis,
        purposesJson,
        contentSha256: content.digest('hex'),
        recordCount: recordsJson.length,
        createdOn: now().toISOString().slice(0, 10),
      }, recordsJson);
    });

    let imported = 0;
    let batches = 0;
    let pending: string[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      if (!dryRun) {
        writeBatch.immediate(pending);
        batches += 1;
      }
      imported += pending.length;
      pending = [];
    };

    const readFast = compileFastRecordReader(campaign, header.columns);
    // Data rows by their position in the file: row 0 is the header, so spreadsheet row = position + 1.
    let position = 0;
    const handleRows = (rows: string[][], brokenQuotes: ReadonlySet<number>): void => {
      for (let index = 0; index < rows.length; index += 1, position += 1) {
        if (position === 0) continue;
        const cells = rows[index];
        if (isBlank(cells)) continue;
        const spreadsheetRow = position + 1;
        if (brokenQuotes.has(index)) {
          rejects.add(spreadsheetRow, [{ message: 'A quotation mark is not closed properly, so the cells of this row cannot be told apart.' }], cells);
          continue;
        }
        const json = readFast(cells);
        if (json !== undefined) {
          pending.push(json);
          if (pending.length >= batchSize) flush();
          continue;
        }
        // checkCsvRow numbers rows as index + 2, so index = spreadsheet row - 2.
        const check = checkCsvRow(campaign, header.columns, cells, spreadsheetRow - 2);
        if (check.record) {
          pending.push(JSON.stringify(check.record));
          if (pending.length >= batchSize) flush();
        } else {
          rejects.add(spreadsheetRow, check.issues, cells);
        }
      }
    };

    try {
      await streamCsvRows({
        file,
        encoding: header.encoding,
        delimiter: header.delimiter,
        onChunk: (chunk) => handleRows(chunk.rows, chunk.brokenQuotes),
        onBytes: options.onProgress && ((bytesRead) => options.onProgress!(bytesRead, totalBytes)),
      });
      flush();
    } catch (error) {
      if (batches === 0) throw error;
      this.writeAudit(campaign, imported, rejects.count, batches, now(), 'records.import-failed');
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message} (${imported} records in ${batches} batches were imported before this error; the batch being written was not.)`);
    } finally {
      rejects.close();
    }
    if (!dryRun) this.writeAudit(campaign, imported, rejects.count, batches, now(), 'records.imported');
    return {
      campaign: campaign.slug,
      imported,
      rejected: rejects.count,
      batches,
      rejectsPath: rejects.count > 0 ? rejects.path : undefined,
      encoding: header.encoding,
      delimiter: header.delimiter,
      dryRun,
    };
  }

  private writeAudit(campaign: Campaign, records: number, rejected: number, batches: number, at: Date, action: string): void {
    this.auditLog.write({ action, campaignSlug: campaign.slug, actor: 'cli', detail: { records, rejected, batches } }, at);
  }
}
