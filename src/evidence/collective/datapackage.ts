/**
 * `datapackage.json` per the Frictionless Data Package v1 spec. Every file of the zip is a
 * resource, so the package declares the general `data-package` profile (the `tabular-data-package`
 * profile allows only tables): the CSV tables are `tabular-data-resource`s with their typed Table
 * Schema, the other files `data-resource`s with path, format and media type. Each resource whose
 * bytes exist before this descriptor carries its size and SHA-256; manifest.json and manifest.sig
 * are made after it (the manifest hashes this file), so they are listed without a hash.
 */
import { createHash } from 'node:crypto';
import type { Campaign } from '../../campaigns/types';
import { version } from '../../version';
import { MANIFEST_PATH, PUBLIC_KEY_PATH, RECORDS_PATH, SIGNATURE_PATH } from './pack-manifest';
import { marginSources, REPRESENTATIVENESS_PATH, REPRESENTATIVENESS_SCHEMA } from './representativeness-table';
import { RESULT_TABLE_DESCRIPTIONS, RESULT_TABLE_SCHEMAS } from './result-table-schemas';
import type { TableSchema } from './table-schema';

/** RFC 4180 as written by toCsv: comma, double quotes doubled, CRLF, a header row. */
const CSV_DIALECT = { delimiter: ',', doubleQuote: true, quoteChar: '"', lineTerminator: '\r\n', header: true };

type Resource = Record<string, unknown>;

function integrity(bytes: Uint8Array | undefined): { bytes?: number; hash?: string } {
  if (!bytes) return {};
  return { bytes: bytes.byteLength, hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

function csvResource(name: string, path: string, title: string, description: string, schema: TableSchema, bytes: Uint8Array | undefined): Resource {
  return { profile: 'tabular-data-resource', name, path, title, description, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: CSV_DIALECT, schema, ...integrity(bytes) };
}

/** Resource names are lower case with - _ . only (the spec's pattern), unique in the package. */
const resourceName = (path: string) => path.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');

function fileResource(path: string, title: string, description: string, format: string, mediatype: string, bytes: Uint8Array | undefined): Resource {
  return { profile: 'data-resource', name: resourceName(path), path, title, description, format, mediatype, ...(mediatype.startsWith('text/') || format === 'json' ? { encoding: 'utf-8' } : {}), ...integrity(bytes) };
}

/** "charts/<outcome>-by-<attribute>.svg" (field names are snake_case) as "Chart: Outcome by Attribute". */
function chartTitle(campaign: Campaign, path: string): string {
  const titleOf = (name: string) => campaign.schema.fields.find((field) => field.name === name)?.title ?? name;
  const [outcome, attribute] = path.slice('charts/'.length, -'.svg'.length).split('-by-');
  return `Chart: ${titleOf(outcome)} by ${titleOf(attribute ?? '')}`;
}

/**
 * @param files the pack's files made before this descriptor (records, results, charts, METHODS.md,
 *   the public key), by path: each becomes a resource with its size and hash.
 */
export function dataPackage(campaign: Campaign, recordsSchema: TableSchema, files: Readonly<Record<string, Uint8Array>>, createdIso: string): Record<string, unknown> {
  const charts = Object.keys(files).filter((path) => path.startsWith('charts/') && path.endsWith('.svg')).sort();
  return {
    profile: 'data-package',
    name: `crowdaudit-${campaign.slug}`,
    title: `${campaign.title.en}: donated records and findings`,
    description:
      `${campaign.description.en}\n\nEvery file of this pack is a resource below. manifest.json lists the SHA-256 of every other file (this one included) ` +
      'and manifest.sig is its Ed25519 signature, made after this descriptor: they carry no hash here. Check them with `crowdaudit verify`.',
    version: campaign.version,
    created: createdIso,
    licenses: [{ name: 'ODC-BY-1.0', path: 'https://opendatacommons.org/licenses/by/1-0/', title: 'Open Data Commons Attribution License 1.0' }],
    sources: [{ title: `Donations to the crowdaudit campaign "${campaign.slug}" (consent to ngo-sharing)` }],
    contributors: [{ title: `crowdaudit ${version}`, role: 'author' }],
    resources: [
      csvResource('records', RECORDS_PATH, 'Donated records, generalised and k-anonymous', 'One row per donated record whose donor allowed ngo-sharing; quasi-identifiers generalised until every combination is shared by at least k donors.', recordsSchema, files[RECORDS_PATH]),
      ...(Object.keys(RESULT_TABLE_SCHEMAS) as Array<keyof typeof RESULT_TABLE_SCHEMAS>).map((name) => {
        const path = `results/${name}.csv`;
        return csvResource(name, path, RESULT_TABLE_DESCRIPTIONS[name].title, RESULT_TABLE_DESCRIPTIONS[name].description, RESULT_TABLE_SCHEMAS[name], files[path]);
      }),
      // Only for a campaign with population margins; the resource cites where they come from.
      ...(files[REPRESENTATIVENESS_PATH]
        ? [{
          ...csvResource('representativeness', REPRESENTATIVENESS_PATH, 'Findings: how far the donors are from the population', `Per margin and level, the population's share against the donors' share (in people) and their share once raked to the margins (${campaign.populationMargins?.title ?? 'population margins'}); levels under k are only marked suppressed.`, REPRESENTATIVENESS_SCHEMA, files[REPRESENTATIVENESS_PATH]),
          sources: marginSources(campaign),
        }]
        : []),
      fileResource('results/analyses.json', 'Findings as JSON', 'The public release of the findings the CSV tables are made from, as the API serves it (null release before the first).', 'json', 'application/json', files['results/analyses.json']),
      ...charts.map((path) => fileResource(path, chartTitle(campaign, path), 'Each group\'s rate or mean with its 95% interval; groups under k are not shown.', 'svg', 'image/svg+xml', files[path])),
      fileResource('METHODS.md', 'Methods', 'How the records were selected and generalised, the methods, the caveats and how to re-run the analyses with crowdaudit.', 'md', 'text/markdown', files['METHODS.md']),
      fileResource(PUBLIC_KEY_PATH, 'Signing key (public)', "The Ed25519 public key of manifest.sig; compare its fingerprint with the one the server publishes.", 'pem', 'application/x-pem-file', files[PUBLIC_KEY_PATH]),
      fileResource(MANIFEST_PATH, 'Manifest', 'SHA-256 of every other file, the dataset hash, software version, parameters and counts. Made after this descriptor, so it has no hash here.', 'json', 'application/json', undefined),
      fileResource(SIGNATURE_PATH, 'Signature', 'Ed25519 signature (base64) over the exact bytes of manifest.json. Made after this descriptor, so it has no hash here.', 'sig', 'text/plain', undefined),
    ],
  };
}
