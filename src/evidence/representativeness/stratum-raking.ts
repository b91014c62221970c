/**
 * One raking per stratum of an outcome: the stratum's records are weighted to the campaign's
 * population margins once, and every group of every protected attribute is then estimated as a
 * domain of that one raked design (R: one `rake(svydesign(ids = ~donor, data = stratum), …)`, then
 * `svyby(~y, ~attribute, raked, svymean)` per attribute). Raking once per stratum rather than once
 * per attribute keeps a release's cost to a few passes over the records per group.
 */
import { designMean } from '../../../analysis/design-mean';
import { rake, type RakedWeights } from '../../../analysis/rake';
import type { PopulationMargin } from '../../../analysis/raked-estimates';
import type { Row } from '../../../analysis/types';
import type { ComparisonRaking, RakedEstimate } from '../campaign-analyses-types';
import { DONOR_COLUMN } from '../campaign-rows';
import { donorsPerLevel, marginCells, rakingMargins, withinAll } from './margin-cells';

export type StratumRaking =
  | Extract<ComparisonRaking, { raked: false }>
  | (Extract<ComparisonRaking, { raked: true }> & {
      /**
       * The raked rate or mean of the stratum's rows whose `attribute` is `level` — the rows its
       * unweighted figure uses, less those outside the margins —, or null when fewer than k of
       * their donors are within the margins.
       */
      groupEstimate(attribute: string, level: string): RakedEstimate | null;
    });

/** The design of the rows within the margins: their outcome, donor (cluster) and raked weights. */
interface RakedDesign {
  rows: Row[];
  values: Float64Array;
  clusters: Int32Array;
  donors: string[];
  raking: RakedWeights;
}

/**
 * Rakes the stratum's rows (each with its outcome, 0/1 for a rate) to the margins. Not raked when
 * a level of a margin has fewer than k donors among them — raking would give those few people the
 * weight of millions, and every raked figure of the stratum would rest on them — or when the
 * raking does not converge.
 */
export function rakeStratum(rows: readonly Row[], outcome: string, margins: readonly PopulationMargin[], minGroupSize: number): StratumRaking {
  const cells = marginCells(rows, margins);
  const within = withinAll(cells, rows.length);
  const donorOf = rows.map((row) => String(row[DONOR_COLUMN]));
  const underK = margins.some((margin, index) => donorsPerLevel(cells[index], margin.levels.length, donorOf, within).some((donors) => donors < minGroupSize));
  if (underK) return { raked: false, reason: 'margin-level-under-k' };

  const raking = rake(rakingMargins(margins, cells, within));
  if (!raking.converged) return { raked: false, reason: 'not-converged' };
  const kept = rows.filter((_row, index) => within[index] === 1);
  const donors = kept.map((row) => String(row[DONOR_COLUMN]));
  const codes = new Map<string, number>();
  const clusters = Int32Array.from(donors, (donor) => {
    if (!codes.has(donor)) codes.set(donor, codes.size);
    return codes.get(donor)!;
  });
  const design: RakedDesign = { rows: kept, values: Float64Array.from(kept, (row) => Number(row[outcome])), clusters, donors, raking };
  let weightMin = Infinity;
  let weightMax = 0;
  for (const weight of raking.weights) {
    weightMin = Math.min(weightMin, weight);
    weightMax = Math.max(weightMax, weight);
  }
  return {
    raked: true,
    iterations: raking.iterations,
    weightRatio: weightMax / weightMin,
    groupEstimate: (attribute, level) => groupEstimate(design, attribute, level, minGroupSize),
  };
}

function groupEstimate(design: RakedDesign, attribute: string, level: string, minGroupSize: number): RakedEstimate | null {
  const domain = Uint8Array.from(design.rows, (row) => (row[attribute] !== null && row[attribute] !== undefined && String(row[attribute]).trim() === level ? 1 : 0));
  const donors = new Set(design.donors.filter((_donor, row) => domain[row] === 1));
  if (donors.size < minGroupSize) return null;
  // The other rows stay in the design at weight 0 (a domain, as R's svyby), so the standard error counts every donor of the stratum.
  const { estimate, stdError, ciLow, ciHigh } = designMean(design.values, { clusters: design.clusters, domain, weights: design.raking.weights, raking: design.raking });
  return { estimate, stdError, ciLow, ciHigh };
}
