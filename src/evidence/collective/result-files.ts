/**
 * `results/*.json`, `results/*.csv` and `charts/*.svg` of a collective pack: the campaign's
 * analyses as published on its findings page (groups under k appear only as suppressed), as
 * JSON for scripts, CSV for spreadsheets and one chart per comparison.
 */
import type { Campaign } from '../../campaigns/types';
import { toCsv } from '../../csv/csv-cell';
import type { CampaignAnalyses } from '../campaign-analyses-types';
import { comparisonChartGroups } from '../charts/comparison-chart-groups';
import { groupEstimateChart } from '../charts/group-estimate-chart';

const encoder = new TextEncoder();

function groupRows(analyses: CampaignAnalyses): Array<Record<string, unknown>> {
  return analyses.comparisons.flatMap((comparison) =>
    comparison.groups.map((group) => ({
      outcome: comparison.outcome,
      attribute: comparison.attribute,
      kind: comparison.kind,
      level: group.level,
      isReference: group.level === comparison.reference,
      suppressed: group.suppressed,
      ...(group.suppressed ? {} : { donors: group.donors, records: group.records, estimate: group.estimate, ciLow: group.ciLow, ciHigh: group.ciHigh }),
    })),
  );
}

function effectRows(analyses: CampaignAnalyses): Array<Record<string, unknown>> {
  return analyses.effects.map((effect) => {
    const base = { outcome: effect.outcome, attribute: effect.attribute, level: effect.level, reference: effect.reference, kind: effect.kind, suppressed: effect.suppressed };
    if (effect.suppressed) return base;
    return {
      ...base,
      difference: effect.raw.difference,
      differenceCiLow: effect.raw.ciLow,
      differenceCiHigh: effect.raw.ciHigh,
      ratio: effect.raw.ratio,
      rawPValue: effect.raw.pValue,
      adjustedModel: effect.adjusted?.model,
      adjustedEstimate: effect.adjusted?.estimate,
      adjustedOddsRatio: effect.adjusted?.oddsRatio,
      adjustedCiLow: effect.adjusted?.ciLow,
      adjustedCiHigh: effect.adjusted?.ciHigh,
      adjustedPValue: effect.adjusted?.pValue,
      holmPValue: effect.adjusted?.pValueAdjusted,
      adjustedFor: effect.adjusted?.adjustedFor.join(' '),
      adjustedNote: effect.adjustedNote,
    };
  });
}

const GROUP_COLUMNS = ['outcome', 'attribute', 'kind', 'level', 'isReference', 'suppressed', 'donors', 'records', 'estimate', 'ciLow', 'ciHigh'];
const EFFECT_COLUMNS = ['outcome', 'attribute', 'level', 'reference', 'kind', 'suppressed', 'difference', 'differenceCiLow', 'differenceCiHigh', 'ratio', 'rawPValue', 'adjustedModel', 'adjustedEstimate', 'adjustedOddsRatio', 'adjustedCiLow', 'adjustedCiHigh', 'adjustedPValue', 'holmPValue', 'adjustedFor', 'adjustedNote'];
const PLANNER_COLUMNS = ['outcome', 'attribute', 'level', 'reference', 'kind', 'gap', 'moreDonors', 'donorsNeeded', 'moreReferenceDonors'];

/** The CSV tables of results/, by resource name, with their columns (for datapackage.json). */
export const RESULT_TABLES: Record<string, string[]> = { groups: GROUP_COLUMNS, effects: EFFECT_COLUMNS, planner: PLANNER_COLUMNS };

/** Booleans as 1/0, like records.csv. */
function flat(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'boolean' ? (value ? 1 : 0) : value])));
}

export function resultFiles(analyses: CampaignAnalyses): Record<string, Uint8Array> {
  return {
    'results/analyses.json': encoder.encode(`${JSON.stringify(analyses, null, 2)}\n`),
    'results/groups.csv': encoder.encode(toCsv(GROUP_COLUMNS, flat(groupRows(analyses)))),
    'results/effects.csv': encoder.encode(toCsv(EFFECT_COLUMNS, flat(effectRows(analyses)))),
    'results/planner.csv': encoder.encode(toCsv(PLANNER_COLUMNS, flat(analyses.planner as unknown as Array<Record<string, unknown>>))),
  };
}

export function chartFiles(campaign: Campaign, analyses: CampaignAnalyses): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const fieldOf = (name: string) => campaign.schema.fields.find((field) => field.name === name);
  for (const comparison of analyses.comparisons) {
    const outcome = fieldOf(comparison.outcome);
    const attribute = fieldOf(comparison.attribute);
    const title = `${outcome?.title ?? comparison.outcome} by ${attribute?.title ?? comparison.attribute}`;
    const svg = groupEstimateChart({
      title,
      description: `${comparison.kind === 'rate' ? 'Rate' : 'Mean'} per group with its 95% interval; groups of fewer than ${analyses.minGroupSize} donors are not shown. Donors are self-selected.`,
      groups: comparisonChartGroups(comparison, (level) => attribute?.enumLabels?.[level] ?? level),
      unit: comparison.kind === 'rate' ? 'percent' : 'number',
      locale: 'en',
      suppressedText: `fewer than ${analyses.minGroupSize} donors: not shown`,
      referenceText: '(reference)',
      idPrefix: `${comparison.outcome}-${comparison.attribute}`,
    });
    files[`charts/${comparison.outcome}-by-${comparison.attribute}.svg`] = new TextEncoder().encode(svg);
  }
  return files;
}
