/**
 * Watches a multipart/form-data body on its way to the parser and stops it as soon as it breaks
 * a limit, before the parser has buffered what it should not:
 *
 * - the whole body is capped (`maxTotalBytes`), counted as it streams in;
 * - each part is capped by its own name (`partLimit`): only the fields that may carry a CSV get
 *   megabytes, every other field a few kB — busboy has one field-size limit for all fields;
 * - at most `maxParts` parts;
 * - with `tokenField`, that field (the CSRF token, first in the forms) must come before any part
 *   allowed more than `smallPartBytes`, and its value is checked the moment it ends: nothing
 *   after it is passed on before the check. A request without a valid token is refused having
 *   cost at most a few small fields, not the 100 MB that twenty 5 MB fields used to.
 *
 * It only reads part boundaries and headers; busboy still does the parsing. Bytes pass through
 * unchanged, a chunk at a time, once they have been checked.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../app-error';

export interface TokenField {
  name: string;
  /** Returns the error to answer with, or undefined to go on; `undefined` value: no token came in time. */
  check(value: string | undefined): AppError | undefined;
  /** Parts before the token may be at most this large (the small fields' limit); a larger one means no token. */
  smallPartBytes: number;
}

export interface MultipartGuardOptions {
  boundary: string;
  maxTotalBytes: number;
  /** The answer when the body passes maxTotalBytes, or a file its part limit. */
  tooLarge(): AppError;
  maxParts: number;
  /** The answer when the body has more than maxParts parts. */
  tooManyParts(): AppError;
  /** The most bytes part `name` may hold. */
  partLimit(name: string, isFile: boolean): number;
  tokenField?: TokenField;
}

/** The longest header block of one part; browsers send two short lines. */
const MAX_HEADER_BYTES = 16 * 1024;

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

type State = 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'done';

function malformed(): AppError {
  return new AppError(400, 'invalid_multipart', 'The upload could not be read: the multipart body is incomplete or malformed.', []);
}

/** The boundary of a multipart Content-Type, or undefined when it has none. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  const match = /;\s*boundary\s*=\s*(?:"([^"]{1,200})"|([^;\s]{1,200}))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The field name and whether the part is a file, from its headers (as busboy decides it). */
function describePart(headers: string): { name: string; isFile: boolean } {
  let name = '';
  let isFile = false;
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1);
    if (header === 'content-disposition') {
      const nameMatch = /(?:^|;)\s*name\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(value);
      name = nameMatch ? (nameMatch[1] ?? nameMatch[2]) : '';
      if (/(?:^|;)\s*filename\*?\s*=/i.test(value)) isFile = true;
    } else if (header === 'content-type' && /^\s*application\/octet-stream\s*(;|$)/i.test(value)) {
      isFile = true;
    }
  }
  return { name, isFile };
}

export class MultipartGuard extends Transform {
  private readonly delimiter: Buffer;
  /** Bytes seen but not yet scanned: a delimiter or header block may span two chunks. Starts with
   * the CRLF the first delimiter lacks, so every delimiter looks the same. */
  private pending: Buffer = CRLF;
  private state: State = 'preamble';
  private totalBytes = 0;
  private parts = 0;
  private partName = '';
  private partIsFile = false;
  private partBytes = 0;
  private partMaxBytes = 0;
  /** The token's bytes while its part is read. */
  private tokenValue: Buffer[] | undefined;
  private tokenChecked = false;

  constructor(private readonly options: MultipartGuardOptions) {
    super();
    this.delimiter = Buffer.from(`\r\n--${options.boundary}`, 'latin1');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.scan(chunk);
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    // A body that ended before its token (or with no parts) carried none.
    const { tokenField } = this.options;
    callback(tokenField && !this.tokenChecked ? (tokenField.check(undefined) ?? null) : null);
  }

  private scan(chunk: Buffer): void {
    this.totalBytes += chunk.length;
    if (this.totalBytes > this.options.maxTotalBytes) throw this.options.tooLarge();
    const buffer = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let offset = 0;
    for (;;) {
      switch (this.state) {
        case 'preamble':
        case 'body': {
          const found = buffer.indexOf(this.delimiter, offset);
          if (found < 0) {
            // Keep what could be the start of a delimiter cut by the chunk's end.
            const safeEnd = Math.max(offset, buffer.length - (this.delimiter.length - 1));
            this.partData(buffer, offset, safeEnd);
            this.pending = Buffer.from(buffer.subarray(safeEnd));
            return;
          }
          this.partData(buffer, offset, found);
          if (this.state === 'body') this.endPart();
          offset = found + this.delimiter.length;
          this.state = 'afterDelimiter';
          break;
        }
        case 'afterDelimiter': {
          if (buffer.length - offset < 2) return this.keep(buffer, offset);
          if (buffer[offset] === 0x2d && buffer[offset + 1] === 0x2d) {
            this.state = 'done';
            break;
          }
          const lineEnd = buffer.indexOf(CRLF, offset);
          if (lineEnd < 0) {
            if (buffer.length - offset > 256) throw malformed();
            return this.keep(buffer, offset);
          }
          offset = lineEnd + 2;
          this.state = 'headers';
          break;
        }
        case 'headers': {
          if (buffer.length - offset < 2) return this.keep(buffer, offset);
          let headers = '';
          if (buffer[offset] === 0x0d && buffer[offset + 1] === 0x0a) {
            offset += 2; // a part without headers
          } else {
            const end = buffer.indexOf(HEADER_END, offset);
            if (end < 0) {
              if (buffer.length - offset > MAX_HEADER_BYTES) throw malformed();
              return this.keep(buffer, offset);
            }
            headers = buffer.toString('latin1', offset, end);
            offset = end + HEADER_END.length;
          }
          this.startPart(headers);
          this.state = 'body';
          break;
        }
        case 'done':
          // The epilogue is ignored (and was counted in the total).
          this.pending = Buffer.alloc(0);
          return;
      }
    }
  }

  private keep(buffer: Buffer, offset: number): void {
    this.pending = Buffer.from(buffer.subarray(offset));
  }

  private startPart(headers: string): void {
    const { name, isFile } = describePart(headers);
    this.parts += 1;
    if (this.parts > this.options.maxParts) throw this.options.tooManyParts();
    this.partName = name;
    this.partIsFile = isFile;
    this.partBytes = 0;
    this.partMaxBytes = this.options.partLimit(name, isFile);
    const { tokenField } = this.options;
    if (tokenField && !this.tokenChecked) {
      if (name === tokenField.name && !isFile) {
        this.partMaxBytes = Math.min(this.partMaxBytes, tokenField.smallPartBytes);
        this.tokenValue = [];
      } else if (this.partMaxBytes > tokenField.smallPartBytes) {
        // A file or the rows before any token: refused before a byte of it is let through.
        this.tokenChecked = true;
        throw tokenField.check(undefined) ?? malformed();
      }
    }
  }

  private partData(buffer: Buffer, start: number, end: number): void {
    if (this.state !== 'body' || end <= start) return;
    this.partBytes += end - start;
    if (this.partBytes > this.partMaxBytes) {
      // Before a valid token, any refusal is the token's: the request has not shown it came from the form.
      const { tokenField } = this.options;
      if (tokenField && !this.tokenChecked) {
        this.tokenChecked = true;
        throw tokenField.check(undefined) ?? malformed();
      }
      if (this.partIsFile) throw this.options.tooLarge();
      throw new AppError(413, 'field_too_large', `The form field "${this.partName}" is too long (at most ${this.partMaxBytes} bytes).`,
        [{ path: [this.partName], message: `At most ${this.partMaxBytes} bytes` }]);
    }
    this.tokenValue?.push(Buffer.from(buffer.subarray(start, end)));
  }

  private endPart(): void {
    if (!this.tokenValue) return;
    const value = Buffer.concat(this.tokenValue).toString('utf8');
    this.tokenValue = undefined;
    this.tokenChecked = true;
    const error = this.options.tokenField!.check(value);
    if (error) throw error;
  }
}
