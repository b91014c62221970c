import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { campaignsWithMargins } from '../../../../src/campaigns/campaigns-with-margins';
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

// As the server loads them: credit-scores with its population margins (a representativeness table), platform-decisions without.
const campaigns = campaignsWithMargins(loadCampaigns());
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

async function packFiles(slug: string, withFindings: boolean, donations = 80): Promise<Record<string, Uint8Array>> {
  const campaign = campaigns.get(slug)!;
  const db = openDatabase(':memory:');
  await seedDemo(campaign, new DonationService(new SqliteStore(db)), { count: donations, seed: 5, now: new Date('2026-11-01T00:00:00Z') });
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
    const representativeness = slug === 'credit-scores' ? ['results/representativeness.csv'] : [];
    expect(tables.map((resource) => resource.path)).toEqual(['data/records.csv', 'results/groups.csv', 'results/effects.csv', 'results/planner.csv', ...representativeness]);
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

  test('when credit-scores findings are released, then the pack carries the representativeness table and the raked figures of the release, and cites the margins\' sources', async () => {
    const campaign = campaigns.get('credit-scores')!;
    // Enough donors for every age band and sex to reach k, so that the strata with most donors are raked.
    const files = await packFiles('credit-scores', true, 300);
    const findings = JSON.parse(decoder.decode(files['results/analyses.json']));
    const table = Papa.parse<Record<string, string>>(decoder.decode(files['results/representativeness.csv']), { header: true, skipEmptyLines: true }).data;
    expect(table.map((row) => [row.margin, row.level])).toEqual(findings.representativeness.levels.map((level: { margin: string; level: string }) => [level.margin, level.level]));
    findings.representativeness.levels.forEach((level: { suppressed: boolean; donors?: number; donorShare?: number; rakedShare?: number; populationShare: number }, index: number) => {
      const row = table[index];
      expect(Number(row.populationShare)).toBe(level.populationShare);
      expect(row.suppressed).toBe(level.suppressed ? '1' : '0');
      // An empty cell is a missing value (the schema's missingValues): rakedShare when nothing was raked.
      const cell = (text: string) => (text === '' ? null : Number(text));
      if (!level.suppressed) expect([cell(row.donors), cell(row.donorShare), cell(row.rakedShare)]).toEqual([level.donors, level.donorShare, level.rakedShare]);
    });
    const groups = Papa.parse<Record<string, string>>(decoder.decode(files['results/groups.csv']), { header: true, skipEmptyLines: true }).data;
    const raked = findings.comparisons.flatMap((comparison: { attribute: string; outcome: string; groups: Array<{ level: string; raked?: { estimate: number; stdError: number } | null }> }) => comparison.groups.filter((group) => group.raked).map((group) => ({ comparison, group })));
    expect(raked.length).toBeGreaterThan(0);
    for (const { comparison, group } of raked) {
      const row = groups.find((candidate) => candidate.outcome === comparison.outcome && candidate.attribute === comparison.attribute && candidate.level === group.level && candidate.stratum === '')!;
      expect([Number(row.rakedEstimate), Number(row.rakedStdError)]).toEqual([group.raked!.estimate, group.raked!.stdError]);
    }
    const descriptor = JSON.parse(decoder.decode(files['datapackage.json']));
    const resource = descriptor.resources.find((candidate: Resource) => candidate.name === 'representativeness');
    expect(resource.sources).toEqual([{ title: 'Statistisches Bundesamt (Destatis), table 12411-0013 (Bevölkerung: Bundesländer, Stichtag, Geschlecht, Altersjahre), reference date 2023-12-31', path: campaign.populationMargins!.sources[0].url }]);
    expect(decoder.decode(files['METHODS.md'])).toContain('Raked figures: each shown group\'s rate or mean is also given weighted to Adult population of Germany');
  });
});
