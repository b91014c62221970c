/**
 * One raking per stratum of an outcome: the stratum's records are weighted to the campaign's
 * population margins once, and every group of every protected attribute is then estimated as a
 * domain of that one raked design (R: one `rake(svydesign(ids = ~donor, data = stratum), …)`, then
 * `svyby(~y, ~attribute, raked, svymean)` per attribute). Raking once per stratum rather than once
 * per attribute keeps a release's cost to a few passes over the records per group.
 */
import { designDomainMeans } from '../../../analysis/design-mean';
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
      /**
       * `groupEstimate` of several levels of one attribute, in their order: the same numbers, bit
       * for bit, from one pass of the raking's projection for all of them.
       */
      groupEstimates(attribute: string, levels: readonly string[]): Array<RakedEstimate | null>;
    });

/** The design of the rows within the margins: their outcome, donor (cluster) and raked weights. */
interface RakedDesign {
  rows: Row[];
  values: Float64Array;
  clusters: Int32Array;
  donors: string[];
  raking: RakedWeights;
  /** Per attribute asked about: its levels, coded once for all its groups. */
  levels: Map<string, AttributeLevels>;
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
  const clusters = new Int32Array(donors.length);
  const values = new Float64Array(kept.length);
  kept.forEach((row, index) => {
    let code = codes.get(donors[index]);
    if (code === undefined) {
      code = codes.size;
      codes.set(donors[index], code);
    }
    clusters[index] = code;
    values[index] = Number(row[outcome]);
  });
  const design: RakedDesign = { rows: kept, values, clusters, donors, raking, levels: new Map() };
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
    groupEstimate: (attribute, level) => groupEstimates(design, attribute, [level], minGroupSize)[0],
    groupEstimates: (attribute, levels) => groupEstimates(design, attribute, levels, minGroupSize),
  };
}

/** Each row's level of an attribute (trimmed), as a code, and the donors of each level. */
interface AttributeLevels {
  codes: Int32Array;
  codeOf: Map<string, number>;
  donors: Array<Set<string>>;
}

/** No level: the attribute is missing in the row. */
const NO_LEVEL = -1;

function attributeLevels(design: RakedDesign, attribute: string): AttributeLevels {
  const cached = design.levels.get(attribute);
  if (cached) return cached;
  const codeOf = new Map<string, number>();
  const donors: Array<Set<string>> = [];
  const codes = new Int32Array(design.rows.length);
  design.rows.forEach((row, index) => {
    const value = row[attribute];
    if (value === null || value === undefined) {
      codes[index] = NO_LEVEL;
      return;
    }
    const level = String(value).trim();
    let code = codeOf.get(level);
    if (code === undefined) {
      code = codeOf.size;
      codeOf.set(level, code);
      donors.push(new Set());
    }
    codes[index] = code;
    donors[code].add(design.donors[index]);
  });
  const levels = { codes, codeOf, donors };
  design.levels.set(attribute, levels);
  return levels;
}

function groupEstimates(design: RakedDesign, attribute: string, levels: readonly string[], minGroupSize: number): Array<RakedEstimate | null> {
  const { codes, codeOf, donors } = attributeLevels(design, attribute);
  const estimable = levels.map((level) => codeOf.get(level)).map((code) => (code !== undefined && donors[code].size >= minGroupSize ? code : undefined));
  // A plain loop: TypedArray.from with a mapping function calls it through a slow generic path.
  const domains = estimable.filter((code): code is number => code !== undefined).map((code) => {
    const domain = new Uint8Array(codes.length);
    for (let row = 0; row < codes.length; row += 1) if (codes[row] === code) domain[row] = 1;
    return domain;
  });
  if (domains.length === 0) return levels.map(() => null);
  // The other rows stay in the design at weight 0 (a domain, as R's svyby), so the standard error counts every donor of the stratum.
  const estimates = designDomainMeans(design.values, { clusters: design.clusters, domains, weights: design.raking.weights, raking: design.raking });
  let next = 0;
  return estimable.map((code) => {
    if (code === undefined) return null;
    const { estimate, stdError, ciLow, ciHigh } = estimates[next++];
    return { estimate, stdError, ciLow, ciHigh };
  });
}
