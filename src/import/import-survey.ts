/**
 * Imports an NGO's own survey (a CSV file of a campaign's records) into the database, for the
 * same analyses as donated records. Built for files of millions of rows:
 *
 * - The header is read and matched to the campaign's fields first, from the file's first bytes;
 *   a bad header stops the import before anything is written.
 * - Worker threads then stream the file (iconv-lite → papaparse, chunk by chunk), a large file
 *   cut into parts at row boundaries, one per core (`csv-file-parts.ts`). They check every row
 *   by the campaign's own record schema exactly as a donor's CSV row is checked (with a fast path
 *   for plainly valid rows), write the rows that fail to a rejects report with their spreadsheet
 *   row numbers, and hand the rest over a batch at a time (`read-survey-in-workers.ts`).
 * - This thread writes each batch in one transaction while the workers read on: one donation row
 *   with `source = 'import'` (migration 004) and one `import_batches` row holding the batch's
 *   records (migration 005); each imported record stands for one respondent. The batch's receipt
 *   hash is a random value that no receipt can hash to (receipt hashes are 64 hex digits), so
 *   nobody can read or withdraw an import by receipt: the NGO answers its respondents' requests
 *   itself, and can run `crowdaudit purge` or delete the campaign's import batches.
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
import { CsvFormatError } from '../csv/csv-error';
import { assertLooksLikeText, detectCsvEncoding, type CsvEncoding } from '../csv/decode-csv-bytes';
import { detectDelimiter, type CsvDelimiter } from '../csv/detect-delimiter';
import { missingRequiredPurposes } from '../donations/consent';
import type { Store } from '../storage/store';
import type { SurveyBatch } from './read-survey-batches';
import { readSurveyInWorkers } from './read-survey-in-workers';

/** Records per transaction: 10,000 keeps a batch at about a megabyte and a million records at a
 * hundred commits, each waiting for the disk (synchronous = FULL). */
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
  /** Threads that read the file at once (a large, regular UTF-8 or Windows-1252 file is cut in parts); default one per core, at most 4. */
  readers?: number;
  /** Smallest part worth a thread (tests cut small files with less); default 8 MiB. */
  minPartBytes?: number;
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
  /** How many parts the file was read in, each by a thread of its own. */
  parts: number;
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

export class SurveyImporter {
  constructor(
    private readonly store: Store,
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
    const rejectsPath = options.rejectsPath ?? defaultRejectsPath(file);

    // One transaction per batch: a batch is stored whole or not at all.
    const writeBatch = (batch: SurveyBatch) => this.store.transaction((tx) => tx.imports.insertBatch({
        id: randomUUID(),
        campaignSlug: campaign.slug,
        campaignVersion: campaign.version,
        receiptHash: `import:${randomUUID()}`,
        consentSha256,
        consentBasis,
        purposesJson,
        contentSha256: createHash('sha256').update(batch.recordsJson).digest('hex'),
        recordCount: batch.records,
        createdOn: now().toISOString().slice(0, 10),
      }, batch.layoutJson, batch.recordsJson));

    let imported = 0;
    let batches = 0;
    let read;
    try {
      read = await readSurveyInWorkers({
        campaign,
        file,
        encoding: header.encoding,
        delimiter: header.delimiter,
        headerCells: header.cells,
        batchSize,
        rejectsPath,
        readers: options.readers,
        minPartBytes: options.minPartBytes,
        writeBatch: async (batch) => {
          if (!dryRun) {
            await writeBatch(batch);
            batches += 1;
          }
          imported += batch.records;
        },
        onBytes: options.onProgress && ((bytesRead) => options.onProgress!(bytesRead, totalBytes)),
      });
    } catch (error) {
      if (batches === 0) throw error;
      await this.writeAudit(campaign, imported, undefined, batches, now(), 'records.import-failed');
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message} (${imported} records in ${batches} batches were imported before this error; the batch being written was not.)`);
    }
    if (!dryRun) await this.writeAudit(campaign, imported, read.rejected, batches, now(), 'records.imported');
    return {
      campaign: campaign.slug,
      imported,
      rejected: read.rejected,
      batches,
      rejectsPath: read.rejected > 0 ? rejectsPath : undefined,
      parts: read.parts,
      encoding: header.encoding,
      delimiter: header.delimiter,
      dryRun,
    };
  }

  /** `rejected` is unknown when the import failed half-way: the worker's count went with it. */
  private async writeAudit(campaign: Campaign, records: number, rejected: number | undefined, batches: number, at: Date, action: string): Promise<void> {
    await this.store.auditLog.write({ action, campaignSlug: campaign.slug, actor: 'cli', detail: rejected === undefined ? { records, batches } : { records, rejected, batches } }, at);
  }
}
