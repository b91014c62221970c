import { CsvFormatError } from './csv-error';

/**
 * Characters that never appear in a CSV typed by a person (tab, CR and LF do): control
 * characters, and U+FFFD, which stands for the five bytes Windows-1252 leaves undefined.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;

/**
 * Refuses text that came from binary bytes: any NUL, or more than 1 in 100 characters being
 * control characters (random bytes decoded as Windows-1252 give about 1 in 4).
 * @throws CsvFormatError (400 `invalid_csv`)
 */
export function assertLooksLikeText(text: string): void {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (sample.includes('\u0000') || controls > sample.length / 100) {
    throw new CsvFormatError('not-text', 'This file is not a CSV text file. Save your table as "CSV" in your spreadsheet program and upload that file.',
      [{ path: ['records'], message: 'Not a text file' }]);
  }
}
