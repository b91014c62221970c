/**
 * The one error handler, mounted last. Every failure leaves as DESIGN.md's shape
 * `{"error":{"code","message","issues"}}` (or an HTML page for a browser), never with a
 * stack trace, and bad input never becomes a 500.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../../app-error';
import { renderErrorPage } from '../pages/error-page';
import { DEMO_OPERATOR_NAME, type OperatorProfile } from '../../operator/operator-profile';

const DEMO_OPERATOR = { demo: true, name: DEMO_OPERATOR_NAME };
import { localeOf } from '../../i18n/locale';

/** body-parser and friends mark their errors with `type` and `status`. */
interface ParserError extends Error {
  type?: string;
  status?: number;
  statusCode?: number;
}

/** Maps any thrown value to an AppError; unknown failures become a generic 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const parserError = error as ParserError;
  switch (parserError?.type) {
    case 'entity.too.large':
      return new AppError(413, 'payload_too_large', 'The request body is too large.');
    case 'entity.parse.failed':
      return new AppError(400, 'malformed_json', 'The request body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'unsupported_encoding', 'The request body must be UTF-8.');
    case 'request.aborted':
      return new AppError(400, 'request_aborted', 'The request was interrupted.');
    case 'parameters.too.many':
      return new AppError(413, 'too_many_fields', 'The form has too many fields.');
    default:
      break;
  }
  const status = parserError?.status ?? parserError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(status, 'bad_request', 'The request could not be read.');
  }
  return new AppError(500, 'internal_error', 'Something went wrong on our side. Nothing was saved.');
}

function wantsHtml(path: string, accepts: (type: string) => string | false): boolean {
  return !path.startsWith('/api/') && path !== '/healthz' && accepts('html') === 'html';
}

export function notFoundHandler(): RequestHandler {
  return (_req, _res, next) => next(new AppError(404, 'not_found', 'There is nothing at this address.'));
}

/** @param operator named in the error page's footer (the demo stand-in when not given). */
export function errorHandler(logger: Logger, operator: Pick<OperatorProfile, 'demo' | 'name'> = DEMO_OPERATOR): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      // Log what failed, not what was sent: the error's name and message, no request data.
      logger.error({ errorName: (error as Error)?.name, errorMessage: (error as Error)?.message }, 'request failed');
    }
    if (res.headersSent) return;
    res.status(appError.status).set({ 'Cache-Control': 'no-store', ...appError.headers });
    if (wantsHtml(req.path, (type) => req.accepts(type))) {
      res.type('html').send(renderErrorPage({ status: appError.status, message: appError.message, locale: localeOf(req), operator }));
      return;
    }
    const omitted = appError.issuesOmitted > 0 ? { issuesOmitted: appError.issuesOmitted } : {};
    res.json({ error: { code: appError.code, message: appError.message, issues: appError.issues, ...omitted } });
  };
}
