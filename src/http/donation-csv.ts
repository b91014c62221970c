import type { Campaign, Locale } from '../campaigns/types';
import type { DonationView } from '../donations/donation-service';
import { toCsv } from '../csv/csv-cell';
import { spreadsheetCsvStyle } from '../csv/csv-style';

/**
 * A donation's records as CSV for the donor's spreadsheet, one column per campaign field in
 * dictionary order: UTF-8 with a byte-order mark, ";" and "," decimals in German and French.
 * The upload reads it back as it is.
 */
export function donationCsv(campaign: Campaign, donation: DonationView, locale: Locale): string {
  const columns = campaign.schema.fields.map((field) => field.name);
  return toCsv(columns, donation.records, spreadsheetCsvStyle(locale));
}
