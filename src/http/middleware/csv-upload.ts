/**
 * Receives a CSV file in a multipart form (field `records`), kept in memory: one donation's file
 * is small, and a file on disk would be one more copy of a donor's records to delete. Limits are
 * checked while the upload streams in; every multer or busboy failure becomes a 4xx that names
 * what to change.
 */
import type { RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import { AppError } from '../../app-error';
import { CSV_MAX_FILE_BYTES } from '../../csv/csv-limits';

export const CSV_FILE_FIELD = 'records';
/** Text fields: consent version, purposes, locale, CSRF token, idempotency key, action. */
export const CSV_MAX_FIELDS = 20;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function uploadError(error: unknown, maxFileBytes: number): AppError {
  if (error instanceof MulterError) {
    const field = error.field ?? '';
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new AppError(413, 'file_too_large', `The file is larger than ${megabytes(maxFileBytes)}. Split it into several donations.`, [{ path: [CSV_FILE_FIELD], message: `At most ${megabytes(maxFileBytes)}` }]);
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return new AppError(400, 'unexpected_file', `Send one CSV file, in the field "${CSV_FILE_FIELD}"${field && field !== CSV_FILE_FIELD ? ` (not "${field}")` : ''}.`, [{ path: [field || CSV_FILE_FIELD], message: 'Unexpected file' }]);
      case 'LIMIT_FIELD_COUNT':
      case 'LIMIT_PART_COUNT':
        return new AppError(413, 'too_many_fields', `The form has too many fields (at most ${CSV_MAX_FIELDS}, and one file).`, []);
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

/** Parses `multipart/form-data` into `req.body` (text fields) and `req.file` (the CSV). */
export function csvUpload(options: { maxFieldBytes?: number; maxFileBytes?: number } = {}): RequestHandler {
  const maxFileBytes = options.maxFileBytes ?? CSV_MAX_FILE_BYTES;
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxFileBytes, files: 1, fields: CSV_MAX_FIELDS, parts: CSV_MAX_FIELDS + 1, fieldSize: options.maxFieldBytes ?? 8 * 1024, fieldNameSize: 100 },
  }).single(CSV_FILE_FIELD);
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => next(error === undefined ? undefined : uploadError(error, maxFileBytes)));
  };
}
