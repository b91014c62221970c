import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../../src/demo/seed-demo';
import { DonationService } from '../../../../src/donations/donation-service';
import { buildCollectivePack } from '../../../../src/evidence/collective/build-collective-pack';
import { FindingsReleases } from '../../../../src/evidence/releases/findings-releases';
import { loadOrCreateSigningKey } from '../../../../src/evidence/signing-key';
import { AuditLog } from '../../../../src/storage/audit-log';
import { DonationRepository } from '../../../../src/storage/donation-repository';
import { openDatabase } from '../../../../src/storage/open-database';
import { profileErrors, tableProblems } from '../../../helpers/frictionless-profiles';
import { SqliteStore } from '../../../../src/storage/sqlite-store';

const campaigns = loadCampaigns();
const signingKey = loadOrCreateSigningKey(':memory:');
const decoder = new TextDecoder();

interface Resource {
  name: string;
  path: string;
  profile: string;
  format?: string;
  mediatype?: string;
  hash?: string;
  bytes?: number;
  schema?: { fields: Array<{ name: string; type: string; constraints?: { required?: boolean } }>; missingValues: string[] };
}

async function packFiles(slug: string, withFindings: boolean): Promise<Record<string, Uint8Array>> {
  const campaign = campaigns.get(slug)!;
  const db = openDatabase(':memory:');
  await seedDemo(campaign, new DonationService(new SqliteStore(db)), { count: 80, seed: 5, now: new Date('2026-11-01T00:00:00Z') });
  const findings = withFindings ? await new FindingsReleases(new SqliteStore(db), () => ({ minChanges: 10, interval: 'PT0S', intervalMs: 0 })).current(campaign) : undefined;
  return unzipSync((await buildCollectivePack(new SqliteStore(db), campaign, findings, signingKey)).zip);
}

describe.each([
  ['credit-scores', true],
  ['platform-decisions', true],
  ['credit-scores', false],
])('the collective pack of %s (findings released: %s)', (slug, withFindings) => {
  let files: Record<string, Uint8Array>;
  let descriptor: { profile: string; resources: Resource[] };
  beforeAll(async () => {
    files = await packFiles(slug, withFindings);
    descriptor = JSON.parse(decoder.decode(files['datapackage.json']));
  });

  test('when datapackage.json is checked against the official v1 profile it declares, then it has no error', () => {
    expect(descriptor.profile).toBe('data-package');
    expect(profileErrors('dataPackage', descriptor)).toEqual([]);
  });

  test('when each table is checked against the official Tabular Data Resource and Table Schema profiles, then none has an error', () => {
    const tables = descriptor.resources.filter((resource) => resource.profile === 'tabular-data-resource');
    expect(tables.map((resource) => resource.path)).toEqual(['data/records.csv', 'results/groups.csv', 'results/effects.csv', 'results/planner.csv']);
    for (const resource of tables) {
      expect({ path: resource.path, errors: profileErrors('tabularDataResource', resource) }).toEqual({ path: resource.path, errors: [] });
      expect({ path: resource.path, errors: profileErrors('tableSchema', resource.schema) }).toEqual({ path: resource.path, errors: [] });
    }
  });

  test('when the zip is listed, then every file but datapackage.json is a resource, with path, format and media type, and no resource is missing', () => {
    const paths = descriptor.resources.map((resource) => resource.path);
    expect(paths.slice().sort()).toEqual(Object.keys(files).filter((path) => path !== 'datapackage.json').sort());
    for (const resource of descriptor.resources) expect(resource).toEqual(expect.objectContaining({ path: expect.any(String), format: expect.any(String), mediatype: expect.any(String) }));
    expect(new Set(descriptor.resources.map((resource) => resource.name)).size).toBe(paths.length);
  });

  test('when a resource has a hash and a size, then they are those of its file; only manifest.json and manifest.sig have none', () => {
    for (const resource of descriptor.resources) {
      if (!resource.hash) continue;
      expect({ path: resource.path, hash: resource.hash, bytes: resource.bytes }).toEqual({
        path: resource.path,
        hash: `sha256:${createHash('sha256').update(files[resource.path]).digest('hex')}`,
        bytes: files[resource.path].byteLength,
      });
    }
    expect(descriptor.resources.filter((resource) => !resource.hash).map((resource) => resource.path)).toEqual(['manifest.json', 'manifest.sig']);
  });

  test('when every cell of every table is read with its Table Schema, then each has its declared type and constraints, and no column is untyped', () => {
    for (const resource of descriptor.resources.filter((candidate) => candidate.schema)) {
      expect(resource.schema!.fields.filter((field) => field.type === 'any')).toEqual([]);
      expect({ path: resource.path, problems: tableProblems(decoder.decode(files[resource.path]), resource.schema!) }).toEqual({ path: resource.path, problems: [] });
    }
  });

  test("when the records' schema is compared with the dictionary, then every required field that is not generalised is required there too", () => {
    const campaign = campaigns.get(slug)!;
    const records = descriptor.resources.find((resource) => resource.name === 'records')!;
    const generalised = (name: string) => records.schema!.fields.find((field) => field.name === name)!.type === 'string' && /Generalised/.test(JSON.stringify(records.schema!.fields.find((field) => field.name === name)));
    const expected = campaign.schema.fields.filter((field) => field.constraints.required && records.schema!.fields.some((column) => column.name === field.name) && !generalised(field.name)).map((field) => field.name);
    expect(expected.length).toBeGreaterThan(0);
    const requiredInPack = records.schema!.fields.filter((field) => field.constraints?.required).map((field) => field.name);
    expect(requiredInPack).toEqual(['row_id', ...expected]);
  });
});

describe('the result tables', () => {
  test('when findings are released, then the flags are booleans written 1/0 and the numbers numbers', async () => {
    const files = await packFiles('credit-scores', true);
    const descriptor = JSON.parse(decoder.decode(files['datapackage.json']));
    const groups = descriptor.resources.find((resource: Resource) => resource.name === 'groups');
    const typeOf = (name: string) => groups.schema.fields.find((field: { name: string }) => field.name === name);
    expect(typeOf('suppressed')).toMatchObject({ type: 'boolean', trueValues: ['1'], falseValues: ['0'] });
    expect(typeOf('suppressed').description).toMatch(/1 \(yes\) or 0 \(no\)/);
    expect(typeOf('estimate').type).toBe('number');
    expect(typeOf('donors').type).toBe('integer');
    expect(decoder.decode(files['results/groups.csv']).split('\r\n').length).toBeGreaterThan(3);
  });
});
