/**
 * The header of a donor's CSV, matched to the campaign's fields. A column may be named by the
 * dictionary's field name (as in the template) or by the field's title in English, German or
 * French (as the site shows it); case, accents and surrounding spaces do not matter, order does
 * not matter, optional columns may be left out. Anything else is refused by name,
 * because a misspelt column would silently drop a whole column of answers.
 */
import type { ErrorIssue } from '../app-error';
import { plainWord } from '../campaigns/forgiving-values';
import type { CampaignField } from '../campaigns/types';
import { CsvFormatError } from './csv-error';
import type { CsvCampaign } from './csv-campaign';

/** Every way a column may be named, mapped to its field; a title two fields share names neither. */
function columnSpellings(fields: readonly CampaignField[]): Map<string, CampaignField> {
  const map = new Map<string, CampaignField>();
  const clashes = new Set<string>();
  for (const field of fields) {
    const spellings = new Set([field.name, field.name.replace(/_/g, ' '), field.title, field.translations.de.title, field.translations.fr.title].map(plainWord));
    for (const spelling of spellings) {
      const known = map.get(spelling);
      if (known && known !== field) clashes.add(spelling);
      else map.set(spelling, field);
    }
  }
  for (const spelling of clashes) map.delete(spelling);
  return map;
}

/** The field of each column, in file order. */
export type CsvColumns = readonly CampaignField[];

/**
 * @throws CsvFormatError (400 `invalid_csv`) naming every unknown, repeated or missing required column
 */
export function matchCsvColumns(campaign: CsvCampaign, header: readonly string[]): CsvColumns {
  const byName = columnSpellings(campaign.schema.fields);
  const issues: ErrorIssue[] = [];
  const wrong: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const columns: CampaignField[] = [];
  header.forEach((cell, position) => {
    const field = byName.get(plainWord(cell));
    const name = field?.name ?? cell.trim().toLowerCase();
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
