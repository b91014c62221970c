/**
 * Builds the zips an attacker would: entries in any order, one name twice, directory entries
 * with data (fflate's streaming `Zip` writes whatever it is given, with data descriptors, as
 * many tools do), and byte edits that `zipSync` cannot make: a local entry left out of the
 * central directory, a local header naming another file than the directory.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** A zip of the entries in this order, deflated, or stored where `stored` says so. */
export function zipEntries(entries: [string, Uint8Array][], options: { stored?: boolean } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, bytes] of entries) {
    const file = options.stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(bytes, true);
  }
  zip.end();
  return new Uint8Array(Buffer.concat(chunks));
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function endRecordOffset(bytes: Uint8Array): number {
  for (let offset = bytes.length - 22; offset >= 0; offset -= 1) if (view(bytes).getUint32(offset, true) === 0x06054b50) return offset;
  throw new Error('no end record');
}

/**
 * Removes the first entry from the central directory, leaving its local header and data in
 * place: a streaming reader (Java's ZipInputStream) still reads it, a directory reader does not.
 */
export function hideFirstEntryFromCentralDirectory(zip: Uint8Array): Uint8Array {
  const end = endRecordOffset(zip);
  const data = view(zip);
  const centralStart = data.getUint32(end + 16, true);
  const first = 46 + data.getUint16(centralStart + 28, true) + data.getUint16(centralStart + 30, true) + data.getUint16(centralStart + 32, true);
  const out = new Uint8Array(zip.length - first);
  out.set(zip.subarray(0, centralStart));
  out.set(zip.subarray(centralStart + first), centralStart);
  const outEnd = end - first;
  const outView = view(out);
  outView.setUint16(outEnd + 8, data.getUint16(end + 8, true) - 1, true);
  outView.setUint16(outEnd + 10, data.getUint16(end + 10, true) - 1, true);
  outView.setUint32(outEnd + 12, data.getUint32(end + 12, true) - first, true);
  return out;
}

/** Renames an entry in its local header only (same length), as a streaming reader would see it. */
export function renameInLocalHeader(zip: Uint8Array, name: string, replacement: string): Uint8Array {
  if (replacement.length !== name.length) throw new Error('same length only');
  const out = zip.slice();
  const data = view(out);
  const wanted = Buffer.from(name);
  for (let offset = 0; offset + 30 < out.length; offset += 1) {
    if (data.getUint32(offset, true) !== 0x04034b50 || data.getUint16(offset + 26, true) !== wanted.length) continue;
    if (!Buffer.from(out.subarray(offset + 30, offset + 30 + wanted.length)).equals(wanted)) continue;
    out.set(Buffer.from(replacement), offset + 30);
    return out;
  }
  throw new Error(`no local header for ${name}`);
}
