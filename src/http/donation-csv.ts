import type { Campaign } from '../campaigns/types';
import type { DonationView } from '../donations/donation-service';
import { toCsv } from '../csv/csv-cell';

/** A donation's records as CSV, one column per campaign field in dictionary order. */
export function donationCsv(campaign: Campaign, donation: DonationView): string {
  const columns = campaign.schema.fields.map((field) => field.name);
  return toCsv(columns, donation.records);
}
