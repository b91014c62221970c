/**
 * Receives a CSV file in a multipart form (field `records`), kept in memory: one donation's file
 * is small, and a file on disk would be one more copy of a donor's records to delete. Limits are
 * checked while the upload streams in; every multer or busboy failure becomes a 4xx that names
 * what to change.
 */
import type { Readable, Writable } from 'node:stream';
import type { Request, RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import { AppError } from '../../app-error';
import { CSV_MAX_FILE_BYTES } from '../../csv/csv-limits';
import { MultipartGuard, multipartBoundary } from './multipart-guard';

export const CSV_FILE_FIELD = 'records';
/** Text fields: consent version, purposes, locale, CSRF token, idempotency key, action. */
export const CSV_MAX_FIELDS = 20;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function fileTooLarge(maxFileBytes: number): AppError {
  return new AppError(413, 'file_too_large', `The file is larger than ${megabytes(maxFileBytes)}. Split it into several donations.`, [{ path: [CSV_FILE_FIELD], message: `At most ${megabytes(maxFileBytes)}` }]);
}

function tooManyFields(): AppError {
  return new AppError(413, 'too_many_fields', `The form has too many fields (at most ${CSV_MAX_FIELDS}, and one file).`, []);
}

function uploadError(error: unknown, maxFileBytes: number): AppError {
  if (error instanceof MulterError) {
    const field = error.field ?? '';
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return fileTooLarge(maxFileBytes);
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return new AppError(400, 'unexpected_file', `Send one CSV file, in the field "${CSV_FILE_FIELD}"${field && field !== CSV_FILE_FIELD ? ` (not "${field}")` : ''}.`, [{ path: [field || CSV_FILE_FIELD], message: 'Unexpected file' }]);
      case 'LIMIT_FIELD_COUNT':
      case 'LIMIT_PART_COUNT':
        return tooManyFields();
      case 'LIMIT_FIELD_VALUE':
      case 'LIMIT_FIELD_KEY':
        return new AppError(413, 'field_too_large', `The form field "${field}" is too long.`, [{ path: [field], message: 'Too long' }]);
      default:
        return new AppError(400, 'invalid_multipart', `The upload could not be read (${error.message}).`, field ? [{ path: [field], message: error.message }] : []);
    }
  }
  // busboy: a cut-off body, a missing boundary, a malformed part header.
  return new AppError(400, 'invalid_multipart', 'The upload could not be read: the multipart body is incomplete or malformed.', []);
}

/** A text field other than `largeFields`: consent version, purposes, locale, token, key, action. */
export const CSV_MAX_SMALL_FIELD_BYTES = 8 * 1024;
/** Part headers and boundaries: generous, so that only the parts' own limits ever bind. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface CsvUploadOptions {
  maxFileBytes?: number;
  /** Text fields that may be as large as the file (the review step's rows); every other text field gets a few kB. */
  largeFields?: readonly string[];
  /** The forms' CSRF token: it must come before the file and the large fields, and is checked before anything after it is read. */
  tokenField?: { name: string; check(req: Request, value: string | undefined): AppError | undefined };
}

/**
 * Parses `multipart/form-data` into `req.body` (text fields) and `req.file` (the CSV). The body
 * passes a MultipartGuard on its way to multer: a whole-request cap (checked against
 * Content-Length up front, then counted), a limit per field by name, and the token check,
 * so a request is refused before megabytes of it are held in memory.
 */
export function csvUpload(options: CsvUploadOptions = {}): RequestHandler {
  const maxFileBytes = options.maxFileBytes ?? CSV_MAX_FILE_BYTES;
  const largeFields = new Set(options.largeFields ?? []);
  const maxTotalBytes = maxFileBytes * (1 + largeFields.size) + CSV_MAX_FIELDS * CSV_MAX_SMALL_FIELD_BYTES + MULTIPART_OVERHEAD_BYTES;
  const partLimit = (name: string, isFile: boolean) => (isFile || largeFields.has(name) ? maxFileBytes : CSV_MAX_SMALL_FIELD_BYTES);

  return (req, res, next) => {
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      next(error);
    };
    const declaredLength = Number(req.get('content-length'));
    // Past the total only a part meant for megabytes can be what is too large: answer as for the file.
    const tooLarge = () => fileTooLarge(maxFileBytes);
    if (Number.isFinite(declaredLength) && declaredLength > maxTotalBytes) {
      // Answer at once; the connection closes rather than read a body that will be refused.
      res.set('Connection', 'close');
      finish(tooLarge());
      return;
    }
    const boundary = multipartBoundary(req.get('content-type'));
    const tokenField = options.tokenField;
    const guard = boundary === undefined ? undefined : new MultipartGuard({
      boundary,
      maxTotalBytes,
      tooLarge,
      maxParts: CSV_MAX_FIELDS + 1,
      tooManyParts: tooManyFields,
      partLimit,
      ...(tokenField ? { tokenField: { name: tokenField.name, check: (value: string | undefined) => tokenField.check(req, value), smallPartBytes: CSV_MAX_SMALL_FIELD_BYTES } } : {}),
    });
    let parser: Writable | undefined;
    guard?.on('error', (error) => {
      // Stop reading: the rest of the body is discarded, never buffered, and the answer goes now.
      req.unpipe(guard);
      req.resume();
      parser?.destroy();
      res.set('Connection', 'close');
      finish(error);
    });
    const parse = multer({
      storage: multer.memoryStorage(),
      limits: {
        fileSize: maxFileBytes,
        files: 1,
        fields: CSV_MAX_FIELDS,
        parts: CSV_MAX_FIELDS + 1,
        // busboy has one limit for every text field; the guard holds the small ones to theirs.
        fieldSize: largeFields.size > 0 ? maxFileBytes : CSV_MAX_SMALL_FIELD_BYTES,
        fieldNameSize: 100,
      },
      // multer 2.5 option, not yet in @types/multer: feed busboy through the guard.
      streamHandler: (request: Readable, busboy: Writable) => {
        parser = busboy;
        if (guard) request.pipe(guard).pipe(busboy);
        else request.pipe(busboy);
      },
    } as multer.Options).single(CSV_FILE_FIELD);
    parse(req, res, (error?: unknown) => finish(error === undefined ? undefined : uploadError(error, maxFileBytes)));
  };
}
