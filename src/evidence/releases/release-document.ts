/**
 * What a release is stored as: its public findings and, kept apart under `packStatistics`,
 * the aggregates personal packs place a donor against (never published with the findings). It is
 * made where the analyses were computed — in the analysis worker — so that the server's thread
 * only stores bytes: at 100,000 donations the analyses are megabytes, and copying them between
 * threads as objects, then turning them into text, blocked the event loop for tens of ms. It is
 * read back in the render threads (release-in-worker.ts), the server's thread reading only an
 * in-memory database's.
 *
 * The text is in lines (written so when the server's thread read releases back in slices): the
 * first line is a JSON object of every entry, with each array of more than one element left
 * empty; each further line is `[name, element]`, one element of such an array, in order.
 *
 * It is stored gzip-compressed (6.2 MB of text → 0.9 MB at 100,000 donations): storing the text
 * took 42–52 ms of the event loop, the compressed bytes 1.5 ms. A release stored before
 * (migration 010) is its text's UTF-8 bytes, in lines or as one line of JSON, and reads the same.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { bytesAsBuffer } from '../../bytes-as-buffer';
import type { CampaignAnalyses, PublishedFindings } from '../campaign-analyses-types';
import type { Repositories } from '../../storage/store';
import type { PackStatistics } from '../personal/pack-statistics';
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

/** Reads a stored release (in a render thread, or for an in-memory database). */
export function parseReleaseDocument(document: Uint8Array): StoredRelease {
  // JSON.stringify escapes the newlines inside strings: each newline ends a line.
  const [head, ...elements] = bytesAsBuffer(isCompressed(document) ? gunzipSync(document) : document).toString('utf8').split('\n');
  const entries = JSON.parse(head!) as Record<string, unknown>;
  for (const line of elements) addElement(entries, line);
  return storedRelease(entries);
}

/**
 * Reads release `number` of a campaign from the database.
 * @throws Error "release N of <slug> is not in the database"
 */
export async function readStoredRelease(repositories: Pick<Repositories, 'releases'>, slug: string, number: number): Promise<StoredRelease> {
  const stored = await repositories.releases.document(slug, number);
  if (stored === undefined) throw new Error(`release ${number} of ${slug} is not in the database`);
  return parseReleaseDocument(stored);
}

function addElement(entries: Record<string, unknown>, line: string): void {
  const [name, element] = JSON.parse(line) as [string, unknown];
  (entries[name] as unknown[]).push(element);
}

function storedRelease(entries: Record<string, unknown>): StoredRelease {
  const { packStatistics, ...findings } = entries as unknown as PublishedFindings & { packStatistics?: PackStatistics };
  return { findings, packStatistics };
}
