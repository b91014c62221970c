/**
 * A strict zip reader for `verify`. fflate's `unzipSync` gives a map by name, so of two entries
 * with one name it keeps the last, while R's `unzip()` and Java's `ZipInputStream` (which walks
 * the local headers front to back and never reads the central directory) take the first: a
 * pack could show `verify` one `data/records.csv` and an analyst another. This reader keeps
 * every entry in order and reports whatever two readers could read differently: the same name
 * twice (also up to case, `./` or `\`), names that are not plain relative paths, directory
 * entries with data, symbolic links, bytes that belong to no entry of the central directory (a
 * local entry only a streaming reader sees), local headers that disagree with the central
 * directory, and sizes or CRCs that do not hold.
 *
 * It reads what packs are: one disk, no zip64, no encryption, entries stored or deflated, with
 * or without data descriptors. Layouts are those of PKWARE's APPNOTE.TXT 6.3: 4.3.7 local
 * header, 4.3.9 data descriptor, 4.3.12 central directory header, 4.3.16 end record.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { entryNameKey, entryNameProblem } from './zip-entry-name';

export interface ZipEntry {
  name: string;
  isDirectory: boolean;
  /** Undefined when the bytes could not be read; `problems` says why. */
  data?: Uint8Array;
}

export interface StrictZip {
  /** Every entry of the central directory, in its order, duplicates included. */
  entries: ZipEntry[];
  /** One line per problem, naming the entry; empty for a clean zip. */
  problems: string[];
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const END_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
/** Bit 0: encrypted; bit 6: strong encryption. */
const FLAGS_ENCRYPTED = 0x0041;
/** Bit 3: CRC and sizes follow the data, in a data descriptor. */
const FLAG_DESCRIPTOR = 0x0008;
/** Bit 11: the name is UTF-8 (else CP437, which other readers would decode differently). */
const FLAG_UTF8 = 0x0800;
const STORED = 0;
const DEFLATED = 8;
/** A value that says "see the zip64 record", which this reader does not follow. */
const ZIP64_32 = 0xffffffff;
const ZIP64_16 = 0xffff;
/** A deflate stream that yields nothing is 2 bytes (`03 00`). */
const EMPTY_DEFLATE_SIZE = 2;
const UNIX_HOST = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

interface CentralRecord {
  index: number;
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  symlink: boolean;
}

class NotAZip extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * The end record: the last signature in the file (as Info-ZIP and Python look for it), whose
 * comment must then end exactly at the end of the file, so no reader finds another one.
 */
function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_SIZE - MAX_COMMENT);
  for (let offset = view.byteLength - END_SIZE; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) !== END_SIGNATURE) continue;
    const commentLength = view.getUint16(offset + 20, true);
    if (offset + END_SIZE + commentLength !== view.byteLength) throw new NotAZip(`not a zip: ${view.byteLength - offset - END_SIZE - commentLength} bytes after the end record`);
    return offset;
  }
  throw new NotAZip('not a zip');
}

function readCentralDirectory(bytes: Uint8Array, view: DataView, endOffset: number): { records: CentralRecord[]; start: number; problems: string[] } {
  const problems: string[] = [];
  const disk = view.getUint16(endOffset + 4, true);
  const centralDisk = view.getUint16(endOffset + 6, true);
  const onDisk = view.getUint16(endOffset + 8, true);
  const count = view.getUint16(endOffset + 10, true);
  const size = view.getUint32(endOffset + 12, true);
  const start = view.getUint32(endOffset + 16, true);
  if (count === ZIP64_16 || size === ZIP64_32 || start === ZIP64_32) throw new NotAZip('not a zip this tool reads: zip64');
  if (disk !== 0 || centralDisk !== 0 || onDisk !== count) throw new NotAZip('not a zip this tool reads: split over several disks');
  // Nothing may sit between the central directory and the end record: a zip64 record there
  // would send zip64 readers to another directory.
  if (start + size !== endOffset) throw new NotAZip(`zip: the central directory (${size} bytes at ${start}) does not end where its end record begins (${endOffset})`);
  const records: CentralRecord[] = [];
  let offset = start;
  for (let index = 0; index < count; index += 1) {
    if (offset + CENTRAL_SIZE > endOffset || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) throw new NotAZip(`zip: central directory entry ${index + 1} of ${count} is not where it should be`);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const next = offset + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > endOffset) throw new NotAZip(`zip: central directory entry ${index + 1} runs past the directory`);
    const nameBytes = bytes.subarray(offset + CENTRAL_SIZE, offset + CENTRAL_SIZE + nameLength);
    const flags = view.getUint16(offset + 8, true);
    let name: string;
    try {
      name = utf8.decode(nameBytes);
    } catch {
      problems.push(`zip: the name of entry ${index + 1} is not UTF-8`);
      name = Buffer.from(nameBytes).toString('latin1');
    }
    if (/[^\u0000-\u007f]/.test(name) && (flags & FLAG_UTF8) === 0) problems.push(`${name}: name not marked as UTF-8 (other tools read another name)`);
    const madeOn = view.getUint16(offset + 4, true) >> 8;
    const mode = view.getUint32(offset + 38, true) >>> 16;
    records.push({
      index,
      name,
      nameBytes,
      flags,
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
      symlink: madeOn === UNIX_HOST && (mode & S_IFMT) === S_IFLNK,
    });
    offset = next;
  }
  if (offset !== endOffset) throw new NotAZip(`zip: ${endOffset - offset} bytes in the central directory after its ${count} entries`);
  return { records, start, problems };
}

/**
 * Reads one entry at its local header, checking the header against the central directory.
 * @returns the bytes the entry spans (header, data, descriptor) and its data when readable.
 */
function readLocalEntry(bytes: Uint8Array, view: DataView, record: CentralRecord, centralStart: number, problems: string[]): { end?: number; data?: Uint8Array } {
  const { name, localOffset: offset } = record;
  if (record.compressedSize === ZIP64_32 || record.size === ZIP64_32 || record.localOffset === ZIP64_32) {
    problems.push(`${name}: zip64 sizes, which this tool does not read`);
    return {};
  }
  if (offset + LOCAL_SIZE > centralStart || view.getUint32(offset, true) !== LOCAL_SIGNATURE) {
    problems.push(`${name}: no local header where the central directory points`);
    return {};
  }
  const nameLength = view.getUint16(offset + 26, true);
  const extraLength = view.getUint16(offset + 28, true);
  const dataStart = offset + LOCAL_SIZE + nameLength + extraLength;
  const dataEnd = dataStart + record.compressedSize;
  if (dataEnd > centralStart) {
    problems.push(`${name}: data runs into the central directory`);
    return {};
  }
  const disagreements: string[] = [];
  if (!sameBytes(bytes.subarray(offset + LOCAL_SIZE, offset + LOCAL_SIZE + nameLength), record.nameBytes)) disagreements.push('name');
  if (view.getUint16(offset + 6, true) !== record.flags) disagreements.push('flags');
  if (view.getUint16(offset + 8, true) !== record.method) disagreements.push('compression method');
  // With a data descriptor the local header may hold zeros instead of the CRC and sizes.
  const withDescriptor = (record.flags & FLAG_DESCRIPTOR) !== 0;
  const localValues: [string, number, number][] = [
    ['CRC', view.getUint32(offset + 14, true), record.crc],
    ['compressed size', view.getUint32(offset + 18, true), record.compressedSize],
    ['size', view.getUint32(offset + 22, true), record.size],
  ];
  for (const [what, local, central] of localValues) if (local !== central && !(withDescriptor && local === 0)) disagreements.push(what);
  let end = dataEnd;
  if (withDescriptor) {
    // The descriptor's signature is optional (APPNOTE 4.3.9.3).
    const signed = dataEnd + 4 <= centralStart && view.getUint32(dataEnd, true) === DESCRIPTOR_SIGNATURE;
    const at = signed ? dataEnd + 4 : dataEnd;
    if (at + 12 > centralStart) disagreements.push('data descriptor');
    else {
      if (view.getUint32(at, true) !== record.crc || view.getUint32(at + 4, true) !== record.compressedSize || view.getUint32(at + 8, true) !== record.size) disagreements.push('data descriptor');
      end = at + 12;
    }
  }
  if (disagreements.length > 0) problems.push(`${name}: local header and central directory disagree (${disagreements.join(', ')})`);
  if ((record.flags & FLAGS_ENCRYPTED) !== 0) {
    problems.push(`${name}: encrypted`);
    return { end };
  }
  const data = inflate(bytes.subarray(dataStart, dataEnd), record, problems);
  return { end, data };
}

function inflate(compressed: Uint8Array, record: CentralRecord, problems: string[]): Uint8Array | undefined {
  const { name } = record;
  let data: Uint8Array;
  if (record.method === STORED) {
    data = compressed;
  } else if (record.method === DEFLATED) {
    try {
      // At most the size the directory gives, so a zip bomb stops at once.
      const result = inflateRawSync(compressed, { maxOutputLength: Math.max(1, record.size), info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      data = new Uint8Array(result.buffer.buffer, result.buffer.byteOffset, result.buffer.byteLength);
      // Bytes after the end of the deflate stream are read by no one; Java refuses them.
      if (result.engine.bytesWritten !== compressed.length) {
        problems.push(`${name}: ${compressed.length - result.engine.bytesWritten} bytes after the compressed data`);
        return undefined;
      }
    } catch {
      problems.push(`${name}: compressed data unreadable or larger than its stated size`);
      return undefined;
    }
  } else {
    problems.push(`${name}: compression method ${record.method}, which this tool does not read`);
    return undefined;
  }
  if (data.length !== record.size) {
    problems.push(`${name}: ${data.length} bytes, the central directory says ${record.size}`);
    return undefined;
  }
  if (crc32(data) >>> 0 !== record.crc) {
    problems.push(`${name}: CRC mismatch`);
    return undefined;
  }
  return data;
}

/** Reports bytes before, between or after the entries that no entry of the directory covers. */
function checkCoverage(spans: { start: number; end: number }[], centralStart: number, problems: string[]): void {
  let cursor = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start > cursor) problems.push(`zip: bytes ${cursor}–${start - 1} belong to no entry of the central directory (an entry only some tools read?)`);
    else if (start < cursor) problems.push(`zip: entries overlap at byte ${start}`);
    cursor = Math.max(cursor, end);
  }
  if (cursor < centralStart) problems.push(`zip: bytes ${cursor}–${centralStart - 1} belong to no entry of the central directory (an entry only some tools read?)`);
}

function checkNames(records: CentralRecord[], problems: string[]): void {
  const firstByKey = new Map<string, string>();
  for (const { name } of records) {
    const problem = entryNameProblem(name);
    if (problem) problems.push(`${name}: ${problem}`);
    const key = entryNameKey(name);
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, name);
    else if (first === name) problems.push(`duplicate entry ${name}`);
    else problems.push(`duplicate entry ${name}: the same file as ${first} for some tools`);
  }
}

export function readZipStrictly(bytes: Uint8Array): StrictZip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let central: ReturnType<typeof readCentralDirectory>;
  try {
    central = readCentralDirectory(bytes, view, findEndRecord(view));
  } catch (error) {
    if (error instanceof NotAZip) return { entries: [], problems: [error.message] };
    throw error;
  }
  const problems = [...central.problems];
  checkNames(central.records, problems);
  const spans: { start: number; end: number }[] = [];
  const entries = central.records.map((record): ZipEntry => {
    const { end, data } = readLocalEntry(bytes, view, record, central.start, problems);
    if (end !== undefined) spans.push({ start: record.localOffset, end });
    const isDirectory = record.name.endsWith('/');
    if (isDirectory && (record.size > 0 || record.compressedSize > (record.method === DEFLATED ? EMPTY_DEFLATE_SIZE : 0))) {
      problems.push(`directory entry ${record.name} carries ${Math.max(record.size, record.compressedSize)} bytes`);
    }
    if (record.symlink) problems.push(`${record.name}: symbolic link`);
    return { name: record.name, isDirectory, data };
  });
  checkCoverage(spans, central.start, problems);
  return { entries, problems };
}
