/// <reference lib="dom" />
/**
 * A file's bytes as text, in the browser, by the same rules as the server (`decode-csv-bytes`):
 * UTF-16 by its byte-order mark, else UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 * Browsers implement windows-1252 as the WHATWG Encoding Standard says, so no library is needed.
 */
import { assertLooksLikeText } from '../csv/looks-like-text';

export function decodeFileBytes(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  assertLooksLikeText(text);
  return text;
}
