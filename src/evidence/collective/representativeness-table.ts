/**
 * `results/representativeness.csv` of a collective pack, for a campaign that ships population
 * margins: per margin and level, the population's share against the donors' share and their
 * raked share, as in the release (levels under k only marked suppressed). Its resource cites the
 * margins' sources, so the pack carries where the population figures come from. The file is there
 * whenever the campaign has margins (empty before the first release), so a pack's file list
 * depends on the campaign, not on the data.
 */
import type { Campaign } from '../../campaigns/types';
import { toCsv } from '../../csv/csv-cell';
import type { PublishedFindings } from '../campaign-analyses-types';
import type { TableSchema, TableSchemaField } from './table-schema';

export const REPRESENTATIVENESS_PATH = 'results/representativeness.csv';

const share = (name: string, title: string, description: string): TableSchemaField => ({ name, type: 'number', title, description, constraints: { minimum: 0, maximum: 1 } });

export const REPRESENTATIVENESS_SCHEMA: TableSchema = {
  fields: [
    { name: 'margin', type: 'string', title: 'Margin', description: 'The field of data/records.csv the population margin is about.', constraints: { required: true } },
    { name: 'level', type: 'string', title: 'Level', description: 'One of the field\'s values that the population figures count.', constraints: { required: true } },
    { ...share('populationShare', 'Population share', 'Share of the population with this level (0 to 1), from the source this resource cites.'), constraints: { required: true, minimum: 0, maximum: 1 } },
    {
      name: 'suppressed',
      type: 'boolean',
      title: 'Suppressed',
      description: 'Whether the level has fewer than k donors, or is hidden with such a level so that it cannot be worked out from the others: its donor cells are empty. Written 1 (yes) or 0 (no).',
      trueValues: ['1'],
      falseValues: ['0'],
      constraints: { required: true },
    },
    { name: 'donors', type: 'integer', title: 'Donors', description: 'Donors (people, not records) within every margin with this level, rounded as in the release.', constraints: { minimum: 0 } },
    share('donorShare', 'Donors\' share', 'Their share of the donors within every margin (0 to 1).'),
    share('rakedShare', 'Raked share', 'The donors\' share once raked to the margins: the population share when the raking converged (a check); empty when the donors were not raked (a level under k).'),
  ],
  missingValues: [''],
};

const COLUMNS = REPRESENTATIVENESS_SCHEMA.fields.map((field) => field.name);

/** The table's bytes, when the campaign ships margins; rows only from a release that has the table. */
export function representativenessFiles(campaign: Campaign, findings: PublishedFindings | undefined): Record<string, Uint8Array> {
  if (!campaign.populationMargins) return {};
  const rows = (findings?.representativeness?.levels ?? []).map((level) => ({
    margin: level.margin,
    level: level.level,
    populationShare: level.populationShare,
    suppressed: level.suppressed ? 1 : 0,
    ...(level.suppressed ? {} : { donors: level.donors, donorShare: level.donorShare, rakedShare: level.rakedShare }),
  }));
  return { [REPRESENTATIVENESS_PATH]: new TextEncoder().encode(toCsv(COLUMNS, rows)) };
}

/** Each source of the margins once, as a Frictionless `sources` entry. */
export function marginSources(campaign: Campaign): Array<{ title: string; path: string }> {
  const seen = new Map<string, { title: string; path: string }>();
  for (const source of campaign.populationMargins?.sources ?? []) {
    const title = `${source.publisher}, table ${source.table} (${source.tableTitle}), reference date ${source.referenceDate}`;
    seen.set(`${title}|${source.url}`, { title, path: source.url });
  }
  return [...seen.values()];
}
