/**
 * What a release is stored as: its public findings and, kept apart under `packStatistics`,
 * the aggregates personal packs place a donor against (never published with the findings). It is
 * made where the analyses were computed — in the analysis worker — so that the server's thread
 * only stores bytes: at 100,000 donations the analyses are megabytes, and copying them between
 * threads as objects, then turning them into text, blocked the event loop for tens of ms.
 *
 * The text is in lines, so that it can be read back in slices on an event loop: one JSON.parse
 * of the 6 MB document blocked it for about 40 ms (the server's thread leaves reading releases to
 * its render threads: release-in-worker.ts). The first line is a JSON object
 * of every entry, with each array of more than one element left empty; each further line is
 * `[name, element]`, one element of such an array, in order.
 *
 * It is stored gzip-compressed (6.2 MB of text → 0.9 MB at 100,000 donations): storing the text
 * took 42–52 ms of the event loop and reading it 25 ms; the compressed bytes take 1.5 and 0.5 ms,
 * and are inflated in libuv's thread pool, then decoded line by line in slices (decoding the 6 MB
 * at once took another 20–30 ms). A release stored before (migration 010) is its text's UTF-8
 * bytes, in lines or as one line of JSON, and reads the same way.
 */
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzipSync } from 'node:zlib';
import type { CampaignAnalyses, PublishedFindings } from '../campaign-analyses-types';
import type { Repositories } from '../../storage/store';
import type { PackStatistics } from '../personal/pack-statistics';
import { inSlices } from './in-slices';
import { publicFindings } from './public-findings';
import type { ReleaseRule } from './release-rule';

/** What names a release, fixed before its analyses start: its number, when it was cut, and its rule. */
export interface ReleaseStamp {
  number: number;
  /** ISO 8601, to the second. */
  releasedAt: string;
  rule: Pick<ReleaseRule, 'minChanges' | 'interval'>;
}

/** The bytes release `stamp` is stored as (gzip-compressed text in lines). */
export function releaseDocument(analyses: CampaignAnalyses, stamp: ReleaseStamp): Uint8Array {
  const findings = publicFindings(analyses, { number: stamp.number, releasedAt: new Date(stamp.releasedAt), rule: stamp.rule });
  const head: Record<string, unknown> = {};
  const elements: string[] = [];
  for (const [name, value] of Object.entries({ ...findings, packStatistics: analyses.packStatistics })) {
    if (Array.isArray(value) && value.length > 1) {
      head[name] = [];
      for (const element of value) elements.push(JSON.stringify([name, element]));
    } else {
      head[name] = value;
    }
  }
  return gzipSync([JSON.stringify(head), ...elements].join('\n'));
}

/** A stored release read back: its public findings, and the pack statistics kept beside them (never published). */
export interface StoredRelease {
  findings: PublishedFindings;
  packStatistics?: PackStatistics;
}

/** gzip's first two bytes; a document's text starts with `{`. */
const isCompressed = (document: Uint8Array) => document[0] === 0x1f && document[1] === 0x8b;
const inflate = promisify(gunzip);

/** Reads a stored release at once (in a worker thread, where nothing else waits). */
export function parseReleaseDocument(document: Uint8Array): StoredRelease {
  const [head, ...elements] = lines(textBytes(isCompressed(document) ? gunzipSync(document) : document));
  const entries = JSON.parse(head!) as Record<string, unknown>;
  for (const line of elements) addElement(entries, line);
  return storedRelease(entries);
}

/**
 * Reads release `number` of a campaign from the database, at once (in a worker thread).
 * @throws Error "release N of <slug> is not in the database"
 */
export async function readStoredRelease(repositories: Pick<Repositories, 'releases'>, slug: string, number: number): Promise<StoredRelease> {
  const stored = await repositories.releases.document(slug, number);
  if (stored === undefined) throw new Error(`release ${number} of ${slug} is not in the database`);
  return parseReleaseDocument(stored);
}

/**
 * Reads a stored release on the event loop (where no render thread reads it: an in-memory
 * database): inflated in the thread pool, then each line found, decoded and parsed in slices
 * (in-slices.ts), so that no step holds the loop longer than a slice and a line.
 */
export async function readReleaseDocument(document: Uint8Array): Promise<StoredRelease> {
  const text = lines(textBytes(isCompressed(document) ? await inflate(document) : document));
  const entries = JSON.parse(text.next().value as string) as Record<string, unknown>;
  await inSlices(text, (line) => addElement(entries, line));
  return storedRelease(entries);
}

/** The bytes as a Buffer, without copying them: its `indexOf` and `toString` find and decode a line without a view per line. */
function textBytes(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The text's lines, each decoded when it is reached (a newline byte is never part of a longer UTF-8 character). */
function* lines(bytes: Buffer): Generator<string, void> {
  let start = 0;
  for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
    yield bytes.toString('utf8', start, end);
    start = end + 1;
  }
  yield bytes.toString('utf8', start);
}

function addElement(entries: Record<string, unknown>, line: string): void {
  const [name, element] = JSON.parse(line) as [string, unknown];
  (entries[name] as unknown[]).push(element);
}

function storedRelease(entries: Record<string, unknown>): StoredRelease {
  const { packStatistics, ...findings } = entries as unknown as PublishedFindings & { packStatistics?: PackStatistics };
  return { findings, packStatistics };
}
