/**
 * A campaign's records as the statistics engine reads them: one row per record, the fields that
 * may be analysed (every role but `donor-only`), booleans as 0/1, absent answers as null, and a
 * `donor` column that says whose record it is, so groups can be counted in people (k).
 */
import { arrayRowSource } from '../../analysis/row-source';
import type { Row, RowSource } from '../../analysis/types';
import type { Campaign, CampaignField, ConsentPurpose } from '../campaigns/types';
import type { StoredRecord } from '../storage/record-repository';
import type { RecordStore } from '../storage/store';

export const DONOR_COLUMN = 'donor';

export interface CampaignRows {
  /** `donor`, then the analysable fields in dictionary order. */
  columns: string[];
  rows: Row[];
  source: RowSource;
}

export function analysableFields(campaign: Campaign): CampaignField[] {
  return campaign.schema.fields.filter((field) => field.role !== 'donor-only');
}

function cell(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/**
 * Reads the records into memory once per analysis run: the analyses make a dozen passes, and
 * parsing the stored JSON once is cheaper than a dozen times. With `purpose`, only donations
 * whose consent includes it.
 */
export async function loadCampaignRows(records: RecordStore, campaign: Campaign, options: { purpose?: ConsentPurpose['id'] } = {}): Promise<CampaignRows> {
  const reader = rowReader(campaign, options);
  for await (const page of records.pages(campaign.slug, PAGE_SIZE)) {
    for (const stored of page) reader.add(stored);
  }
  return reader.result();
}

/** Records read per page by `loadCampaignRowsPaged`: about 5 ms of work at a time. */
const PAGE_SIZE = 2_000;

/**
 * The same rows, read a page at a time with a turn of the event loop between pages: at 100,000
 * records a single read blocks the server for seconds, and donations must not wait for it.
 */
export async function loadCampaignRowsPaged(records: RecordStore, campaign: Campaign, options: { purpose?: ConsentPurpose['id'] } = {}): Promise<CampaignRows> {
  const reader = rowReader(campaign, options);
  for await (const page of records.pages(campaign.slug, PAGE_SIZE)) {
    for (const stored of page) reader.add(stored);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return reader.result();
}

function rowReader(campaign: Campaign, options: { purpose?: ConsentPurpose['id'] }) {
  const fields = analysableFields(campaign).map((field) => field.name);
  const columns = [DONOR_COLUMN, ...fields];
  const rows: Row[] = [];
  // Every row a copy of one template with all its columns, then filled in: V8 keeps such objects
  // in its fast (hidden-class) form, where a row built key by key from computed names falls into
  // dictionary mode past a dozen properties — every later read of a cell several times slower,
  // every copy of a row ({ ...row, … }) some ten times slower. Same keys, same order, same values.
  const template = JSON.parse(JSON.stringify(Object.fromEntries(columns.map((column) => [column, null])))) as Row;
  return {
    add(stored: StoredRecord): void {
      if (options.purpose && !(JSON.parse(stored.purposesJson) as string[]).includes(options.purpose)) return;
      const row: Row = { ...template };
      row[DONOR_COLUMN] = stored.donorKey;
      for (const name of fields) row[name] = cell(stored.record[name]);
      rows.push(row);
    },
    result: (): CampaignRows => ({ columns, rows, source: arrayRowSource(rows, columns) }),
  };
}
