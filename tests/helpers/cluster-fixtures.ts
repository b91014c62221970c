/** R's numbers for errors clustered by donor (tests/fixtures/cluster, made by the R scripts there). */
import fs from 'node:fs';
import path from 'node:path';

export const CLUSTER_FIXTURES = path.resolve(__dirname, '../fixtures/cluster');
export const CLUSTERED_SAMPLE_CSV = path.join(CLUSTER_FIXTURES, 'clustered_sample.csv');

export function clusterReference(): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(CLUSTER_FIXTURES, 'cluster_reference.json'), 'utf8'));
}
