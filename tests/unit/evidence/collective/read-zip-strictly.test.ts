import { zipSync } from 'fflate';
import { readZipStrictly } from '../../../../src/evidence/collective/read-zip-strictly';
import { zipEntries } from '../../../helpers/tampered-zip';

const encoder = new TextEncoder();
const text = (bytes?: Uint8Array) => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));
const fields = (zip: Uint8Array) => new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
/** Offset of the first central directory header (zipSync writes no comment: end record is the last 22 bytes). */
const centralStart = (zip: Uint8Array) => fields(zip).getUint32(zip.length - 22 + 16, true);

describe('readZipStrictly', () => {
  it('when entries are deflated with data descriptors or stored, then each is read back in order with no problem', () => {
    const long = 'row_id,score\n'.repeat(500);
    for (const stored of [false, true]) {
      const zip = readZipStrictly(zipEntries([['a.csv', encoder.encode(long)], ['dir/', new Uint8Array()], ['dir/b.txt', encoder.encode('b')]], { stored }));
      expect(zip.problems).toEqual([]);
      expect(zip.entries.map((entry) => [entry.name, entry.isDirectory, text(entry.data)])).toEqual([['a.csv', false, long], ['dir/', true, ''], ['dir/b.txt', false, 'b']]);
    }
  });

  it('when a stored byte changes, then the entry fails its CRC and has no data', () => {
    const zip = zipSync({ 'a.txt': encoder.encode('hello') }, { level: 0 });
    zip[30 + 'a.txt'.length] ^= 1;
    expect(readZipStrictly(zip)).toEqual({ entries: [{ name: 'a.txt', isDirectory: false, data: undefined }], problems: ['a.txt: CRC mismatch'] });
  });

  it('when the stated size is smaller than the data inflates to, then inflating stops there and the entry is refused', () => {
    const zip = zipSync({ 'bomb.txt': new Uint8Array(100_000) });
    fields(zip).setUint32(22, 10, true);
    fields(zip).setUint32(centralStart(zip) + 24, 10, true);
    expect(readZipStrictly(zip).problems).toEqual(['bomb.txt: compressed data unreadable or larger than its stated size']);
  });

  it('when bytes follow the end record, or the bytes are no zip, then nothing is read', () => {
    const zip = zipSync({ 'a.txt': encoder.encode('a') });
    const appended = new Uint8Array([...zip, 1, 2, 3, 4, 5]);
    expect(readZipStrictly(appended)).toEqual({ entries: [], problems: ['not a zip: 5 bytes after the end record'] });
    expect(readZipStrictly(encoder.encode('hello'))).toEqual({ entries: [], problems: ['not a zip'] });
  });

  it('when an entry is a Unix symbolic link, then it is named', () => {
    const zip = zipSync({ 'data/records.csv': encoder.encode('/etc/passwd') });
    const at = centralStart(zip);
    fields(zip).setUint16(at + 4, (3 << 8) | 20, true);
    fields(zip).setUint32(at + 38, (0o120777 << 16) >>> 0, true);
    expect(readZipStrictly(zip).problems).toEqual(['data/records.csv: symbolic link']);
  });
});
