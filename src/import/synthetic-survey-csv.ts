/**
 * A synthetic survey file as an NGO would bring it to `crowdaudit import`: the campaign's columns
 * in dictionary order, one respondent per row, made by the same generator as `seed-demo` (so it
 * holds the demo's built-in disparities). For tests and the import benchmark; nothing here is
 * real data. Written in pieces, so a million rows need no more memory than a thousand.
 */
import fs from 'node:fs';
import type { Campaign, RecordValues } from '../campaigns/types';
import { SeededRandom } from '../demo/random';
import { syntheticPerson, syntheticRecord } from '../demo/synthetic-record';

export interface SyntheticSurveyOptions {
  rows: number;
  seed?: number;
  delimiter?: ',' | ';';
  now?: Date;
}

function cellText(value: string | number | boolean | undefined, delimiter: string): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  // With ';' the file is what German or French spreadsheets write: decimal commas.
  return delimiter === ';' && typeof value === 'number' ? String(value).replace('.', ',') : String(value);
}

/** Writes the file and returns its size in bytes. */
export function writeSyntheticSurveyCsv(campaign: Campaign, file: string, options: SyntheticSurveyOptions): number {
  const delimiter = options.delimiter ?? ',';
  const random = new SeededRandom(options.seed ?? 1);
  const now = options.now ?? new Date(Date.UTC(2026, 10, 1));
  const names = campaign.schema.fields.map((field) => field.name);
  const descriptor = fs.openSync(file, 'w', 0o600);
  let bytes = 0;
  const write = (text: string): void => {
    bytes += fs.writeSync(descriptor, text);
  };
  try {
    write(`${names.join(delimiter)}\n`);
    let lines: string[] = [];
    for (let row = 0; row < options.rows; row += 1) {
      const record: RecordValues = syntheticRecord(campaign, random, now, syntheticPerson(campaign, random, now));
      lines.push(names.map((name) => cellText(record[name], delimiter)).join(delimiter));
      if (lines.length === 5_000) {
        write(`${lines.join('\n')}\n`);
        lines = [];
      }
    }
    if (lines.length > 0) write(`${lines.join('\n')}\n`);
  } finally {
    fs.closeSync(descriptor);
  }
  return bytes;
}
