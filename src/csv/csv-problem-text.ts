/**
 * A CSV problem said to the donor in their language: why a file cannot be read at all, or
 * what is wrong with one cell. Shared by the review page and the browser preview.
 */
import { fieldMessage } from '../campaigns/field-message';
import { localizedField } from '../campaigns/localize';
import type { CampaignField, Locale } from '../campaigns/types';
import type { CsvTranslate } from '../i18n/csv-messages';
import type { Translate } from '../i18n/messages';
import type { CsvCellIssue } from './check-csv-row';
import type { CsvFormatError } from './csv-error';
import type { CampaignCsvText } from './read-campaign-csv-text';

export function csvProblemText(error: Pick<CsvFormatError, 'problem' | 'values'>, csvT: CsvTranslate): string {
  if (error.problem !== 'columns') return csvT(`csvProblem.${error.problem}`, error.values);
  const parts = [csvT('csvProblem.columns')];
  if (error.values.unknown) parts.push(csvT('csvUnknownColumns', { name: error.values.unknown }));
  if (error.values.missing) parts.push(csvT('csvMissingColumns', { name: error.values.missing }));
  return parts.join(' ');
}

export function csvCellProblemText(issue: CsvCellIssue, field: CampaignField | undefined, t: Translate, csvT: CsvTranslate): string {
  if (!field) return csvT('csvTooManyCells', { row: issue.row });
  return csvT('csvCellProblem', { row: issue.row, name: fieldMessage(field, issue, t) });
}

/** Every cell problem of a file as a full sentence naming row and column, in row order. */
export function csvProblemSentences(csv: CampaignCsvText, locale: Locale, t: Translate, csvT: CsvTranslate): Array<{ index: number; text: string }> {
  const fields = new Map(csv.columns.map((field) => [field.name, field]));
  return [...csv.issues]
    .sort((first, second) => first.index - second.index)
    .map((issue) => {
      const field = issue.field ? fields.get(issue.field) : undefined;
      if (!field) return { index: issue.index, text: csvT('csvTooManyCells', { row: issue.row }) };
      return { index: issue.index, text: csvT('csvCellSentence', { row: issue.row, column: localizedField(field, locale).title, name: fieldMessage(field, issue, t) }) };
    });
}

/** Row positions with the problem rows first (each group in file order): what needs the donor comes first. */
export function problemRowsFirst(csv: CampaignCsvText, indexes: readonly number[]): number[] {
  const withIssues = new Set(csv.issues.map((issue) => issue.index));
  return [...indexes.filter((index) => withIssues.has(index)), ...indexes.filter((index) => !withIssues.has(index))];
}
