import { AppError, type ErrorIssue } from '../app-error';

/**
 * A CSV file that cannot be read as records: not text, not CSV, an unknown or missing column,
 * invalid cells. 400 with every problem named by row and column; 413 for files over a limit.
 */
export function csvError(message: string, issues: ErrorIssue[] = [], status = 400, code = 'invalid_csv'): AppError {
  return new AppError(status, code, message, issues);
}
