/** The auditor's toolkit fixtures (issue 17): a generated audit sample and R's numbers for it. */
import fs from 'node:fs';
import path from 'node:path';

export const AUDITOR_FIXTURES = path.resolve(__dirname, '../fixtures/auditor');
export const AUDIT_CSV = path.join(AUDITOR_FIXTURES, 'audit_sample.csv');

export function auditorReference(): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(AUDITOR_FIXTURES, 'auditor_reference.json'), 'utf8'));
}
