/**
 * One string per distinct short ASCII text read from bytes: a group column with five levels in a
 * million rows makes five strings, not a million, which saves both the allocation and the garbage
 * collector's work. Texts are looked up by a hash of their bytes and compared byte for byte, so a
 * collision costs a fresh string, never a wrong one. Long texts, non-ASCII texts and texts past the
 * table's capacity (an id column, free text) are decoded each time, as `Buffer.toString` does.
 */
const MAX_INTERNED_LENGTH = 64;
const CAPACITY = 4096;

export class TextInterner {
  private readonly byHash = new Map<number, string>();

  /** The UTF-8 text of `bytes[start, end)`. */
  textAt(bytes: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length > MAX_INTERNED_LENGTH) return bytes.toString('utf8', start, end);
    let hash = length;
    for (let index = start; index < end; index += 1) {
      const code = bytes[index];
      if (code >= 0x80) return bytes.toString('utf8', start, end);
      hash = (Math.imul(hash, 31) + code) | 0;
    }
    const known = this.byHash.get(hash);
    if (known !== undefined && known.length === length) {
      let same = true;
      for (let index = 0; index < length && same; index += 1) same = known.charCodeAt(index) === bytes[start + index];
      if (same) return known;
    }
    const text = bytes.toString('latin1', start, end);
    if (known === undefined && this.byHash.size < CAPACITY) this.byHash.set(hash, text);
    return text;
  }
}
