/**
 * The record-level table of a collective pack: the records of donations whose consent includes
 * `ngo-sharing`, without `donor-only` fields, donation ids, receipts or days (dates are months
 * in the dictionary already), with the dictionary's quasi-identifiers generalised until every
 * combination holds at least k rows and k people, the rest suppressed and counted, and a random
 * row id in a random order so that neither the id nor the order says who gave what, or when.
 */
import { randomUUID } from 'node:crypto';
import type { Campaign, CampaignField } from '../../campaigns/types';
import { kAnonymise, type QuasiIdentifier } from '../../privacy/k-anonymise';
import type { Store } from '../../storage/store';
import { DONOR_COLUMN, analysableFields, loadCampaignRows } from '../campaign-rows';

export const SHARING_PURPOSE = 'ngo-sharing';
export const ROW_ID_COLUMN = 'row_id';

export interface PackRecords {
  /** `row_id`, then the exported fields in dictionary order. */
  columns: string[];
  fields: CampaignField[];
  rows: Array<Record<string, string | number | null>>;
  /** Generalisation level used per quasi-identifier (0 = as given, the deepest = hidden). */
  levels: Record<string, number>;
  /** Donations and records stored, whatever their consent. */
  donations: number;
  records: number;
  /** Records whose donation allows sharing, before suppression. */
  sharedRecords: number;
  suppressedRecords: number;
  /** People (donors, imported respondents) behind the published rows. */
  people: number;
}

export function quasiIdentifiersOf(campaign: Campaign): QuasiIdentifier[] {
  return analysableFields(campaign)
    .filter((field) => field.quasiIdentifier)
    .map((field) => ({ name: field.name, generalisation: field.generalisation ?? { method: 'suppress' } }));
}

export async function packRecords(store: Pick<Store, 'snapshot'>, campaign: Campaign, options: { maxSuppressedShare?: number } = {}): Promise<PackRecords> {
  const fields = analysableFields(campaign);
  // One read transaction: the counts and the shared records describe one state.
  const { shared, totals } = await store.snapshot(async (tx) => ({
    shared: await loadCampaignRows(tx.records, campaign, { purpose: SHARING_PURPOSE }),
    totals: await tx.records.counts(campaign.slug),
  }));
  const anonymous = kAnonymise(shared.rows, {
    k: campaign.minGroupSize,
    quasiIdentifiers: quasiIdentifiersOf(campaign),
    personOf: (row) => String(row[DONOR_COLUMN]),
    maxSuppressedShare: options.maxSuppressedShare,
  });
  const people = new Set(anonymous.rows.map((row) => row[DONOR_COLUMN])).size;
  const rows = anonymous.rows
    .map((row) => {
      const exported: Record<string, string | number | null> = { [ROW_ID_COLUMN]: randomUUID() };
      for (const field of fields) exported[field.name] = row[field.name] ?? null;
      return exported;
    })
    .sort((a, b) => String(a[ROW_ID_COLUMN]).localeCompare(String(b[ROW_ID_COLUMN])));
  return {
    columns: [ROW_ID_COLUMN, ...fields.map((field) => field.name)],
    fields,
    rows,
    levels: anonymous.levels,
    donations: totals.donations,
    records: totals.records,
    sharedRecords: shared.rows.length,
    suppressedRecords: anonymous.suppressedRows,
    people,
  };
}
