/**
 * Unweighted and raked estimates side by side, with the table of sample against population
 * shares: how far the donors are from the population, and what the figures would be if they
 * resembled it on the margins given.
 */
import { AnalysisError } from './analysis-error';
import { compareLevels, isMissing, levelOf, numberOf } from './cells';
import { designDomainMeans, type DesignEstimate } from './design-mean';
import { rake, type RakeOptions, type RakingMargin } from './rake';
import { forEachRowOf } from './read-columns';
import type { RowSource } from './types';

/** A population margin: a column and the population total (or share) of each of its levels. */
export interface PopulationMargin {
  column: string;
  levels: Array<{ level: string; total: number }>;
}

export interface RakedEstimatesOptions extends RakeOptions {
  /** A numeric column (a 0/1 outcome gives a rate). */
  outcome: string;
  /** Estimate per level of this column too (domains). */
  group?: string;
  /** The cluster (donor) column; default: every row is its own cluster. */
  cluster?: string;
  margins: PopulationMargin[];
}

export interface MarginShare {
  margin: string;
  level: string;
  /** Rows of the raked design with this level, and their share of its rows. */
  sampleRows: number;
  sampleShare: number;
  populationTotal: number;
  populationShare: number;
  /** The raked weights' share: the population share once raking has converged. */
  rakedShare: number;
}

export interface RakedEstimatesResult {
  outcome: string;
  group?: string;
  cluster?: string;
  /** Rows in the design (inside every margin), and clusters among them. */
  n: number;
  clusters: number;
  /** Rows left out because a margin's column is missing or has a level the population margin lacks. */
  excluded: Array<{ column: string; value: string | null; rows: number }>;
  raking: { iterations: number; converged: boolean; weightMin: number; weightMax: number };
  shares: MarginShare[];
  overall: { unweighted: DesignEstimate; raked: DesignEstimate };
  groups: Array<{ group: string; unweighted: DesignEstimate; raked: DesignEstimate }>;
  warnings: string[];
}

/**
 * Rakes the rows to the population margins (see `rake`; each margin scaled to the first one's
 * grand total, as margins from different tables rarely agree on it) and estimates the outcome's mean (a rate
 * for 0/1) overall and per group, unweighted and raked, each with its design-based standard
 * error clustered by `cluster` (see `designMean`). Rows whose value in a margin's column is missing
 * or is not a level of that margin (a sex "diverse" or "not-stated" where the population counts
 * only women and men) cannot be weighted to the population: they are left out of both estimates
 * and counted in `excluded`, so that the two columns describe the same rows. Rows with a missing
 * outcome stay in the design with no value (R's `na.rm = TRUE`).
 *
 * R (tests/fixtures/rake/rake-reference.R): `d <- subset(d, sex %in% c("female", "male"))`;
 * `design <- svydesign(ids = ~donor, data = d)`; `raked <- rake(design, list(~age_band, ~sex),
 * list(ages, sexes), control = list(maxit = 100, epsilon = 1e-10))`; `svymean(~y, raked,
 * na.rm = TRUE)`, `svyby(~y, ~group, raked, svymean, na.rm = TRUE)`, and the same on `design`.
 *
 * @throws AnalysisError for an unknown column, a non-numeric outcome, a margin with a level no row
 *   has, a margin named twice, or fewer than two clusters.
 * @example
 *   const result = await rakedEstimates(csvRowSource('donations.csv'), { outcome: 'refused', group: 'sex', cluster: 'donor',
 *     margins: [{ column: 'age_band', levels: [{ level: '18-24', total: 5.9e6 }, …] }] });
 *   result.overall.raked.estimate; // the refusal rate if donors were spread over age bands as the population
 */
export async function rakedEstimates(source: RowSource, options: RakedEstimatesOptions): Promise<RakedEstimatesResult> {
  const marginColumns = options.margins.map((margin) => margin.column);
  if (new Set(marginColumns).size !== marginColumns.length) throw new AnalysisError(`A margin is given twice: ${marginColumns.join(', ')}.`);
  const available = new Set(await source.columns());
  const wanted = [options.outcome, ...marginColumns, ...(options.group ? [options.group] : []), ...(options.cluster ? [options.cluster] : [])];
  for (const column of wanted) if (!available.has(column)) throw new AnalysisError(`Unknown column "${column}". Columns are: ${[...available].join(', ')}.`);

  const levelIndex = options.margins.map((margin) => new Map(margin.levels.map(({ level }, index) => [level, index])));
  const marginCells: number[][] = options.margins.map(() => []);
  const values: number[] = [];
  const groupOf: Array<string | undefined> = [];
  const clusterCodes = new Map<string, number>();
  const clusterOf: number[] = [];
  const excluded = new Map<string, { column: string; value: string | null; rows: number }>();
  const columns = [options.outcome, ...marginColumns, options.group ?? options.outcome, options.cluster ?? options.outcome];
  let badOutcome: string | undefined;
  await forEachRowOf(source, columns, (cells) => {
    const codes: number[] = [];
    for (let index = 0; index < marginColumns.length; index += 1) {
      const cell = cells[1 + index];
      const value = isMissing(cell) ? null : levelOf(cell!).trim();
      const code = value === null ? undefined : levelIndex[index].get(value);
      if (code === undefined) {
        const key = `${marginColumns[index]}\u0000${value}`;
        const entry = excluded.get(key) ?? { column: marginColumns[index], value, rows: 0 };
        entry.rows += 1;
        excluded.set(key, entry);
        return;
      }
      codes.push(code);
    }
    codes.forEach((code, index) => marginCells[index].push(code));
    const outcome = cells[0];
    const value = isMissing(outcome) ? Number.NaN : numberOf(outcome!);
    if (!isMissing(outcome) && !Number.isFinite(value)) badOutcome ??= levelOf(outcome!);
    values.push(value);
    const group = options.group ? cells[1 + marginColumns.length] : undefined;
    groupOf.push(options.group && !isMissing(group) ? levelOf(group!).trim() : undefined);
    if (options.cluster) {
      const cluster = cells[2 + marginColumns.length];
      const key = isMissing(cluster) ? `\u0000row ${values.length}` : levelOf(cluster!).trim();
      let code = clusterCodes.get(key);
      if (code === undefined) {
        code = clusterCodes.size;
        clusterCodes.set(key, code);
      }
      clusterOf.push(code);
    }
  });
  if (badOutcome !== undefined) throw new AnalysisError(`The outcome "${options.outcome}" must be a number (0/1 for a rate) in every row (found "${badOutcome}").`);
  const n = values.length;
  if (n === 0) throw new AnalysisError(`No row is inside the population margins (${marginColumns.join(', ')}).`);

  // Margins from different tables (age by sex from one year's census, nationality from a register)
  // rarely share one grand total, and raking to unequal totals never converges: each margin is
  // scaled to the first one's total. Means depend on the shares only, so nothing else changes.
  const grandTotal = sumOf(options.margins[0].levels.map(({ total }) => total));
  const margins: RakingMargin[] = options.margins.map((margin, index) => {
    const scale = grandTotal / sumOf(margin.levels.map(({ total }) => total));
    return {
      name: margin.column,
      levels: margin.levels.map(({ level }) => level),
      cells: Int32Array.from(marginCells[index]),
      totals: margin.levels.map(({ total }) => total * scale),
    };
  });
  const raking = rake(margins, undefined, options);
  const outcomeValues = Float64Array.from(values);
  const clusters = options.cluster ? Int32Array.from(clusterOf) : undefined;
  // The whole sample first, then each group as a domain of the design: all of them in one pass of the raking's projection.
  const both = (domains: Array<Uint8Array | undefined>) => {
    const unweighted = designDomainMeans(outcomeValues, { clusters, domains });
    const raked = designDomainMeans(outcomeValues, { clusters, domains, weights: raking.weights, raking });
    return domains.map((_domain, index) => ({ unweighted: unweighted[index], raked: raked[index] }));
  };
  // A group whose rows all lack the outcome has nothing to estimate: it is not listed.
  const groupNames = options.group
    ? [...new Set(groupOf.filter((group, row): group is string => group !== undefined && !Number.isNaN(values[row])))].sort(compareLevels)
    : [];
  const [overall, ...byGroup] = both([undefined, ...groupNames.map((group) => Uint8Array.from(groupOf, (candidate) => (candidate === group ? 1 : 0)))]);
  const groups = groupNames.map((group, index) => ({ group, ...byGroup[index] }));

  let weightMin = Infinity;
  let weightMax = 0;
  for (const weight of raking.weights) {
    weightMin = Math.min(weightMin, weight);
    weightMax = Math.max(weightMax, weight);
  }
  const excludedList = [...excluded.values()].sort((first, second) => compareLevels(first.column, second.column) || compareLevels(String(first.value), String(second.value)));
  const warnings: string[] = [];
  if (!raking.converged) warnings.push(`Raking did not converge in ${raking.iterations} sweeps: the margins cannot all be matched at once (do their totals agree?).`);
  if (excludedList.length > 0) {
    warnings.push(`${excludedList.reduce((sum, entry) => sum + entry.rows, 0)} rows are outside the population margins (${excludedList.map((entry) => `${entry.column} = ${entry.value ?? 'missing'}: ${entry.rows}`).join('; ')}) and are left out of both estimates.`);
  }
  if (weightMax / weightMin > 20) warnings.push(`The raked weights range over a factor of ${(weightMax / weightMin).toFixed(0)}: a few rows stand for many people, and the raked estimates rest on them.`);
  return {
    outcome: options.outcome,
    ...(options.group ? { group: options.group } : {}),
    ...(options.cluster ? { cluster: options.cluster } : {}),
    n,
    clusters: clusters ? clusterCodes.size : n,
    excluded: excludedList,
    raking: { iterations: raking.iterations, converged: raking.converged, weightMin, weightMax },
    shares: marginShares(margins, raking.weights),
    overall,
    groups,
    warnings,
  };
}

function sumOf(numbers: readonly number[]): number {
  return numbers.reduce((sum, value) => sum + value, 0);
}

function marginShares(margins: readonly RakingMargin[], weights: Float64Array): MarginShare[] {
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  return margins.flatMap((margin) => {
    const rows = new Float64Array(margin.levels.length);
    const weighted = new Float64Array(margin.levels.length);
    margin.cells.forEach((cell, row) => {
      rows[cell] += 1;
      weighted[cell] += weights[row];
    });
    const populationSum = margin.totals.reduce((sum, total) => sum + total, 0);
    return margin.levels.map((level, index) => ({
      margin: margin.name,
      level,
      sampleRows: rows[index],
      sampleShare: rows[index] / margin.cells.length,
      populationTotal: margin.totals[index],
      populationShare: margin.totals[index] / populationSum,
      rakedShare: weighted[index] / totalWeight,
    }));
  });
}
