/**
 * Turns the bytes of an uploaded CSV into text. Spreadsheets write UTF-8 (with or without a
 * byte-order mark), Windows-1252 (Excel's "CSV" on German and French Windows) or UTF-16 ("Unicode
 * text"); the encoding is read from the bytes, since donors cannot be asked which one they have.
 * Bytes that are no text at all (an image, a zip, a PDF) are refused, so they never reach the
 * parser as a wall of nonsense errors.
 */
import iconv from 'iconv-lite';
import { bytesAsBuffer } from '../bytes-as-buffer';
import { CsvFormatError } from './csv-error';
import { assertLooksLikeText } from './looks-like-text';

export { assertLooksLikeText };

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** True when the bytes are valid UTF-8; `partial` allows a multi-byte character cut at the end. */
function isUtf8(bytes: Uint8Array, partial: boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes, { stream: partial });
    return true;
  } catch {
    return false;
  }
}

/**
 * Which encoding the bytes are in. With `partial`, `bytes` is only the start of a larger file
 * (streaming import), so a character cut at the end is not taken for invalid UTF-8.
 */
export function detectCsvEncoding(bytes: Uint8Array, options: { partial?: boolean } = {}): CsvEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return isUtf8(bytes, options.partial ?? false) ? 'utf-8' : 'windows-1252';
}

/**
 * Decodes a whole uploaded file, without its byte-order mark.
 * @throws CsvFormatError when the bytes are empty or not text
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const encoding = detectCsvEncoding(bytes);
  // iconv-lite, not TextDecoder: Node's TextDecoder reads "windows-1252" as Latin-1, turning € into a control character.
  const text = iconv.decode(bytesAsBuffer(bytes), encoding, { stripBOM: true });
  if (text.trim() === '') throw new CsvFormatError('empty', 'The file is empty.', [{ path: ['records'], message: 'Empty file' }]);
  assertLooksLikeText(text);
  return { text, encoding };
}
