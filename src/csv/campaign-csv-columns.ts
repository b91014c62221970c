/**
 * The header of a donor's CSV, matched to the campaign's fields. Column names are the
 * dictionary's field names (as in the template); case and surrounding spaces do not matter,
 * order does not matter, optional columns may be left out. Anything else is refused by name,
 * because a misspelt column would silently drop a whole column of answers.
 */
import type { ErrorIssue } from '../app-error';
import type { CampaignField } from '../campaigns/types';
import { CsvFormatError } from './csv-error';
import type { CsvCampaign } from './csv-campaign';

/** The field of each column, in file order. */
export type CsvColumns = readonly CampaignField[];

/**
 * @throws CsvFormatError (400 `invalid_csv`) naming every unknown, repeated or missing required column
 */
export function matchCsvColumns(campaign: CsvCampaign, header: readonly string[]): CsvColumns {
  const byName = new Map(campaign.schema.fields.map((field) => [field.name, field]));
  const issues: ErrorIssue[] = [];
  const wrong: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const columns: CampaignField[] = [];
  header.forEach((cell, position) => {
    const name = cell.trim().toLowerCase();
    const field = byName.get(name);
    if (!field || seen.has(name)) wrong.push(cell.trim() || `#${position + 1}`);
    if (!field) {
      issues.push({ path: ['records', 'header', position + 1], message: name === '' ? `Column ${position + 1} has no name` : `Unknown column "${cell.trim()}"` });
    } else if (seen.has(name)) {
      issues.push({ path: ['records', 'header', position + 1], message: `Column "${name}" appears twice` });
    } else {
      seen.add(name);
      columns.push(field);
    }
  });
  for (const field of campaign.schema.fields) {
    if (field.constraints.required && !seen.has(field.name)) {
      missing.push(field.name);
      issues.push({ path: ['records', 'header', field.name], message: `Required column "${field.name}" is missing` });
    }
  }
  if (issues.length > 0) {
    const expected = campaign.schema.fields.map((field) => field.name).join(', ');
    const problems = issues.map((issue) => issue.message).join('; ');
    throw new CsvFormatError('columns', `The first row of the file must name the columns. ${problems}. The columns are: ${expected}. The template at /campaigns/${campaign.slug}/template.csv has them all.`, issues, { unknown: wrong.join(', '), missing: missing.join(', ') });
  }
  return columns;
}
