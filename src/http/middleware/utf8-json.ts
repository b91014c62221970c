/**
 * JSON bodies in UTF-8 only (RFC 8259 §8.1), as the error messages say. body-parser would decode
 * `charset=utf-16` and utf-32 too, so a body could pass here while looking different to every
 * other tool that reads it as UTF-8; a declared charset other than UTF-8, a UTF-16/32 byte-order
 * mark or the NUL bytes of UTF-16 text are refused with 415 naming the header.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../../app-error';

function notUtf8(detail: string): AppError {
  return new AppError(415, 'unsupported_encoding', `The request body must be JSON in UTF-8 (${detail}).`,
    [{ path: ['headers', 'content-type'], message: 'Use application/json; charset=utf-8, and send UTF-8 bytes' }]);
}

/** Refuses a JSON request whose Content-Type names a charset other than UTF-8, before the body is read. */
export function requireUtf8Charset(): RequestHandler {
  return (req, _res, next) => {
    if (!req.is('application/json')) return next();
    const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(req.get('content-type') ?? '');
    const charset = match?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return next(notUtf8(`charset ${charset} is not accepted`));
    next();
  };
}

/**
 * For express.json's `verify`: UTF-16 or UTF-32 bytes sent without a charset. A UTF-8 JSON text
 * never holds a raw NUL byte (it must be escaped as \u0000), while UTF-16 text of ASCII holds one
 * in every other byte; BOMs FF FE and FE FF mark UTF-16 (and UTF-32 LE) outright.
 */
export function verifyUtf8Bytes(_req: unknown, _res: unknown, body: Buffer): void {
  const utf16Bom = body.length >= 2 && ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff));
  if (utf16Bom || body.includes(0)) throw notUtf8('the body is UTF-16 or UTF-32');
}
