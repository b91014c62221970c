/**
 * `results/*.json`, `results/*.csv` and `charts/*.svg` of a collective pack: the campaign's
 * latest public release of its findings, exactly as on its findings page (groups under k appear
 * only as suppressed, counts rounded), as JSON for scripts, CSV for spreadsheets and one chart per
 * comparison. Before the first release the tables are empty and the JSON says so.
 */
import type { Campaign } from '../../campaigns/types';
import { toCsv } from '../../csv/csv-cell';
import type { CampaignFindings, PublishedFindings, Stratum } from '../campaign-analyses-types';
import { comparisonChartGroups } from '../charts/comparison-chart-groups';
import { groupEstimateChart } from '../charts/group-estimate-chart';
import { stratumKey } from '../same-comparison';
import { RESULT_TABLE_SCHEMAS } from './result-table-schemas';

/** A stratum in one CSV cell: `field=answer&…`, empty for an outcome without strata, `pooled` for the pooled figure. */
function stratumCell(stratum: Stratum): string {
  return stratum === null ? 'pooled' : stratumKey(stratum);
}

const encoder = new TextEncoder();

function groupRows(analyses: CampaignFindings): Array<Record<string, unknown>> {
  return analyses.comparisons.flatMap((comparison) =>
    comparison.groups.map((group) => ({
      outcome: comparison.outcome,
      stratum: stratumCell(comparison.stratum),
      attribute: comparison.attribute,
      kind: comparison.kind,
      level: group.level,
      isReference: group.level === comparison.reference,
      suppressed: group.suppressed,
      ...(group.suppressed ? {} : { donors: group.donors, records: group.records, estimate: group.estimate, ciLow: group.ciLow, ciHigh: group.ciHigh }),
      ...(group.suppressed || !group.raked ? {} : { rakedEstimate: group.raked.estimate, rakedStdError: group.raked.stdError, rakedCiLow: group.raked.ciLow, rakedCiHigh: group.raked.ciHigh }),
    })),
  );
}

function effectRows(analyses: CampaignFindings): Array<Record<string, unknown>> {
  return analyses.effects.map((effect) => {
    const base = { outcome: effect.outcome, stratum: stratumCell(effect.stratum), attribute: effect.attribute, level: effect.level, reference: effect.reference, kind: effect.kind, suppressed: effect.suppressed };
    if (effect.suppressed) return base;
    return {
      ...base,
      difference: effect.raw.difference,
      differenceCiLow: effect.raw.ciLow,
      differenceCiHigh: effect.raw.ciHigh,
      ratio: effect.raw.ratio,
      rawPValue: effect.raw.pValue,
      rawLogOdds: effect.raw.proportionalOdds?.estimate,
      rawOddsRatio: effect.raw.proportionalOdds?.oddsRatio,
      rawLogOddsCiLow: effect.raw.proportionalOdds?.ciLow,
      rawLogOddsCiHigh: effect.raw.proportionalOdds?.ciHigh,
      rawLogOddsPValue: effect.raw.proportionalOdds?.pValue,
      adjustedModel: effect.adjusted?.model,
      adjustedEstimate: effect.adjusted?.estimate,
      adjustedOddsRatio: effect.adjusted?.oddsRatio,
      adjustedCiLow: effect.adjusted?.ciLow,
      adjustedCiHigh: effect.adjusted?.ciHigh,
      adjustedPValue: effect.adjusted?.pValue,
      familyCiLow: effect.adjusted?.familyCiLow,
      familyCiHigh: effect.adjusted?.familyCiHigh,
      bonferroniPValue: effect.adjusted?.pValueAdjusted,
      familySize: effect.adjusted?.familySize,
      adjustedFor: effect.adjusted?.adjustedFor.join(' '),
      adjustedNote: effect.adjustedNote,
    };
  });
}

const columnsOf = (name: keyof typeof RESULT_TABLE_SCHEMAS) => RESULT_TABLE_SCHEMAS[name].fields.map((field) => field.name);
const GROUP_COLUMNS = columnsOf('groups');
const EFFECT_COLUMNS = columnsOf('effects');
const PLANNER_COLUMNS = columnsOf('planner');

/** Booleans as 1/0, like records.csv. */
function flat(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'boolean' ? (value ? 1 : 0) : value])));
}

export function resultFiles(findings: PublishedFindings | undefined): Record<string, Uint8Array> {
  const json = findings ?? { release: null, note: 'No findings have been released yet.' };
  return {
    'results/analyses.json': encoder.encode(`${JSON.stringify(json, null, 2)}\n`),
    'results/groups.csv': encoder.encode(toCsv(GROUP_COLUMNS, findings ? flat(groupRows(findings)) : [])),
    'results/effects.csv': encoder.encode(toCsv(EFFECT_COLUMNS, findings ? flat(effectRows(findings)) : [])),
    'results/planner.csv': encoder.encode(toCsv(PLANNER_COLUMNS, flat((findings?.planner ?? []).map((entry) => ({ ...entry, stratum: stratumCell(entry.stratum) }))))),
  };
}

export function chartFiles(campaign: Campaign, analyses: PublishedFindings | undefined): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  if (!analyses) return files;
  const fieldOf = (name: string) => campaign.schema.fields.find((field) => field.name === name);
  // A comparison without a reference has only suppressed groups: a chart of it would show nothing.
  for (const comparison of analyses.comparisons.filter((candidate) => candidate.reference !== null)) {
    const outcome = fieldOf(comparison.outcome);
    const attribute = fieldOf(comparison.attribute);
    const stratum = comparison.stratum === null ? 'all strata together' : Object.entries(comparison.stratum).map(([name, value]) => fieldOf(name)?.enumLabels?.[value] ?? value).join(' / ');
    const title = `${outcome?.title ?? comparison.outcome} by ${attribute?.title ?? comparison.attribute}${stratum ? ` (${stratum})` : ''}`;
    const svg = groupEstimateChart({
      title,
      description: `${comparison.kind === 'rate' ? 'Rate' : comparison.kind === 'ordinal' ? `Mean position in the order (1 = ${comparison.ordered?.levels[0] ?? 'the first level'})` : 'Mean'} per group with its 95% interval; groups of fewer than ${analyses.minGroupSize} donors are not shown. Donors are self-selected.`,
      groups: comparisonChartGroups(comparison, (level) => attribute?.enumLabels?.[level] ?? level),
      unit: comparison.kind === 'rate' ? 'percent' : 'number',
      locale: 'en',
      suppressedText: `fewer than ${analyses.minGroupSize} donors: not shown`,
      referenceText: '(reference)',
      idPrefix: `${comparison.outcome}-${comparison.attribute}`,
    });
    // Answers named in file names are kept to safe characters (an enum may hold "65+").
    const suffix = comparison.stratum === null ? '-pooled' : Object.values(comparison.stratum).map((value) => `-${value.toLowerCase().replace(/[^a-z0-9-]/g, '_')}`).join('');
    files[`charts/${comparison.outcome}${suffix}-by-${comparison.attribute}.svg`] = new TextEncoder().encode(svg);
  }
  return files;
}
