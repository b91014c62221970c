/**
 * `datapackage.json` per the Frictionless Data Package v1 spec, profile `tabular-data-package`:
 * the records as a tabular data resource with its Table Schema, and the result tables beside it.
 */
import type { Campaign } from '../../campaigns/types';
import { version } from '../../version';
import type { TableSchema } from './table-schema';

function csvResource(name: string, path: string, title: string, schema: TableSchema | { fields: Array<{ name: string; type: string }>; missingValues: string[] }) {
  return { name, path, title, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: { delimiter: ',', lineTerminator: '\r\n', header: true }, schema };
}

const anyFields = (names: string[]) => ({ fields: names.map((name) => ({ name, type: 'any' })), missingValues: [''] });

export function dataPackage(campaign: Campaign, recordsSchema: TableSchema, resultColumns: Record<string, string[]>, createdIso: string): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: `crowdaudit-${campaign.slug}`,
    title: `${campaign.title.en}: donated records and findings`,
    description: campaign.description.en,
    version: campaign.version,
    created: createdIso,
    licenses: [{ name: 'ODC-BY-1.0', path: 'https://opendatacommons.org/licenses/by/1-0/', title: 'Open Data Commons Attribution License 1.0' }],
    sources: [{ title: `Donations to the crowdaudit campaign "${campaign.slug}" (consent to ngo-sharing)` }],
    contributors: [{ title: `crowdaudit ${version}`, role: 'author' }],
    resources: [
      csvResource('records', 'data/records.csv', 'Donated records, generalised and k-anonymous', recordsSchema),
      ...Object.entries(resultColumns).map(([name, columns]) => csvResource(name, `results/${name}.csv`, `Findings: ${name}`, anyFields(columns))),
    ],
  };
}
