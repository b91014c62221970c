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

/**
 * The most issues one answer lists: enough to fix a body or a file, never megabytes of errors
 * (a 15 KB body of bad records once produced 3.9 MB of issues).
 */
export const MAX_LISTED_ISSUES = 100;

export class AppError extends Error {
  /** The issues listed, at most MAX_LISTED_ISSUES. */
  readonly issues: ErrorIssue[];
  /** How many issues were found beyond those listed. */
  readonly issuesOmitted: number;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    issues: ErrorIssue[] = [],
    /** Extra headers for the answer, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    // Capped here, once, so that no error path can answer with an unbounded list.
    this.issues = issues.slice(0, MAX_LISTED_ISSUES);
    this.issuesOmitted = issues.length - this.issues.length;
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

/** A 400 naming every invalid field listed; beyond MAX_LISTED_ISSUES it says how many more there are. */
export function validationError(issues: ErrorIssue[], message?: string): AppError {
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  const fields = [...new Set(listed.map((issue) => issue.path.join('.') || '(body)'))];
  const base = message ?? `Invalid input: ${fields.join(', ')}`;
  const more = issues.length > listed.length ? `${base.endsWith('.') ? '' : '.'} The first ${listed.length} of ${issues.length} problems are listed.` : '';
  return new AppError(400, 'invalid_input', `${base}${more}`, issues);
}
