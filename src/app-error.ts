/**
 * The one error type: services throw it, the error handler turns it into
 * `{"error":{"code","message","issues"}}` with its status. The message is public: it must never
 * hold a stack, SQL, a receipt or a donor's values.
 */
export interface ErrorIssue {
  path: Array<string | number>;
  message: string;
  /** For a CSV upload: the row as a spreadsheet numbers it (header = row 1). */
  row?: number;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    /** Extra headers for the answer, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * Turns zod issues into the public issue list (path and message only). An unknown key becomes
 * an issue at its own path, so the client sees which field to remove.
 */
export function issuesFromZod(issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code?: string; keys?: string[] }>): ErrorIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({ path: [...path, key], message: 'Unknown field: remove it' }));
    }
    return [{ path, message: issue.message }];
  });
}

/** A 400 naming every invalid field. */
export function validationError(issues: ErrorIssue[], message?: string): AppError {
  const fields = [...new Set(issues.map((issue) => issue.path.join('.') || '(body)'))];
  return new AppError(400, 'invalid_input', message ?? `Invalid input: ${fields.join(', ')}`, issues);
}
