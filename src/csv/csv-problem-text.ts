/**
 * A CSV problem said to the donor in their language: why a file cannot be read at all, or
 * what is wrong with one cell. Shared by the review page and the browser preview.
 */
import { fieldMessage } from '../campaigns/field-message';
import type { CampaignField } from '../campaigns/types';
import type { CsvTranslate } from '../i18n/csv-messages';
import type { Translate } from '../i18n/messages';
import type { CsvCellIssue } from './check-csv-row';
import type { CsvFormatError } from './csv-error';

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
