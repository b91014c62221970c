/**
 * The text a release is stored as: its public findings and, kept apart under `packStatistics`,
 * the aggregates personal packs place a donor against (never published with the findings). It is
 * made where the analyses were computed — in the analysis worker — so that the server's thread
 * only stores a string: at 100,000 donations the analyses are megabytes, and copying them between
 * threads as objects, then turning them into text, blocked the event loop for tens of ms.
 *
 * It is stored in lines, so that the server's thread can read it back in slices: one JSON.parse
 * of the 4 MB document blocked the event loop for about 40 ms. The first line is a JSON object
 * of every entry, with each array of more than one element left empty; each further line is
 * `[name, element]`, one element of such an array, in order. A release stored before this layout
 * is one line of JSON and reads the same way.
 */
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

export function releaseDocument(analyses: CampaignAnalyses, stamp: ReleaseStamp): string {
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
  return [JSON.stringify(head), ...elements].join('\n');
}

/** A stored release read back: its public findings, and the pack statistics kept beside them (never published). */
export interface StoredRelease {
  findings: PublishedFindings;
  packStatistics?: PackStatistics;
}

/** Reads a stored release at once (in a worker thread, where nothing else waits). */
export function parseReleaseDocument(document: string): StoredRelease {
  const [head, ...elements] = document.split('\n');
  const entries = JSON.parse(head) as Record<string, unknown>;
  for (const line of elements) addElement(entries, line);
  return storedRelease(entries);
}

/**
 * Reads release `number` of a campaign from the database, at once (in a worker thread).
 * @throws Error "release N of <slug> is not in the database"
 */
export async function readStoredRelease(repositories: Pick<Repositories, 'releases'>, slug: string, number: number): Promise<StoredRelease> {
  const stored = await repositories.releases.findingsJson(slug, number);
  if (stored === undefined) throw new Error(`release ${number} of ${slug} is not in the database`);
  return parseReleaseDocument(stored);
}

/** Reads a stored release on the event loop, giving it back every few ms (in-slices.ts). */
export async function readReleaseDocument(document: string): Promise<StoredRelease> {
  const [head, ...elements] = document.split('\n');
  const entries = JSON.parse(head) as Record<string, unknown>;
  await inSlices(elements, (line) => addElement(entries, line));
  return storedRelease(entries);
}

function addElement(entries: Record<string, unknown>, line: string): void {
  const [name, element] = JSON.parse(line) as [string, unknown];
  (entries[name] as unknown[]).push(element);
}

function storedRelease(entries: Record<string, unknown>): StoredRelease {
  const { packStatistics, ...findings } = entries as unknown as PublishedFindings & { packStatistics?: PackStatistics };
  return { findings, packStatistics };
}
