/**
 * R's numbers for the group-comparison methods, made by
 * tests/fixtures/group-methods/group-methods-reference.R (CI has no R, so they are committed).
 */
import fs from 'node:fs';
import path from 'node:path';

export const GROUP_METHODS_FIXTURES = path.resolve(__dirname, '../fixtures/group-methods');
export const UNICODE_CSV = path.join(GROUP_METHODS_FIXTURES, 'unicode_levels.csv');

export function groupMethodsReference(): { methods: Record<string, any>; results: Record<string, any> } {
  return JSON.parse(fs.readFileSync(path.join(GROUP_METHODS_FIXTURES, 'group_methods_reference.json'), 'utf8'));
}
