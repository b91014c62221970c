/**
 * A donor's uploaded CSV file read as a campaign's records: decoded (UTF-8, Windows-1252,
 * UTF-16), then read by `readCampaignCsvText`.
 */
import type { Campaign } from '../campaigns/types';
import type { CsvCellIssue } from './check-csv-row';
import { spreadsheetRow } from './check-csv-row';
import { decodeCsvBytes, type CsvEncoding } from './decode-csv-bytes';
import { readCampaignCsvText, type CampaignCsvText } from './read-campaign-csv-text';

export interface CampaignCsv extends CampaignCsvText {
  encoding: CsvEncoding;
}

/** Decodes and reads an uploaded file. @throws CsvFormatError as `decodeCsvBytes` and `readCampaignCsvText` */
export function readCampaignCsv(campaign: Campaign, bytes: Uint8Array, maxRecords?: number): CampaignCsv {
  const { text, encoding } = decodeCsvBytes(bytes);
  return { encoding, ...readCampaignCsvText(campaign, text, maxRecords) };
}

/** The file's row problems as the API's error issues: path `records[index].field`, plus the spreadsheet row. */
export function csvIssuesAsErrorIssues(issues: readonly CsvCellIssue[]) {
  return issues.map((issue) => ({
    path: ['records', issue.index, ...(issue.field ? [issue.field] : [])] as Array<string | number>,
    row: issue.row,
    message: issue.message,
  }));
}

export { readCampaignCsvText, spreadsheetRow };
