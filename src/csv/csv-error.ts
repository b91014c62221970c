import { AppError, type ErrorIssue } from '../app-error';

/** Why a file cannot be read at all; pages say it in the donor's language by this reason. */
export type CsvProblem = 'not-text' | 'empty' | 'no-header' | 'columns' | 'no-records' | 'unclosed-quote' | 'too-many-records';

/**
 * A CSV file that cannot be read as records: not text, no header, unknown or missing columns,
 * broken quotes, too many rows. 400 with every problem named (413 for too many rows); `values`
 * hold what a translated message needs (a row number, column names, counts).
 */
export class CsvFormatError extends AppError {
  constructor(
    readonly problem: CsvProblem,
    message: string,
    issues: ErrorIssue[],
    readonly values: Record<string, string | number> = {},
  ) {
    super(problem === 'too-many-records' ? 413 : 400, problem === 'too-many-records' ? 'too_many_records' : 'invalid_csv', message, issues);
    this.name = 'CsvFormatError';
  }
}
