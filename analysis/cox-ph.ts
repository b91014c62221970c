/**
 * Cox proportional-hazards regression with Efron's handling of tied times, as R's
 * `survival::coxph(Surv(time, event) ~ …)` with its defaults, and the proportional-hazards
 * check of `cox.zph(fit)` (transform "km", a test per term and a global one).
 */
import { CholeskyDecomposition, Matrix, inverse, solve } from 'ml-matrix';
import { chiSquareUpperTail, normalQuantileAt, normalTwoSidedP } from './distributions';

export interface CoxCoefficient {
  term: string;
  estimate: number;
  hazardRatio: number;
  stdError: number;
  statistic: number;
  pValue: number;
  /** The hazard ratio's 95% interval, exp(β ± 1.96 se) (R's `summary(fit)$conf.int`). */
  hazardRatioCiLow: number;
  hazardRatioCiHigh: number;
}

export interface CoxTest {
  statistic: number;
  df: number;
  pValue: number;
}

export interface CoxResult {
  n: number;
  events: number;
  coefficients: CoxCoefficient[];
  /** Log partial likelihood at β = 0 and at the estimate (R's `fit$loglik`). */
  logLikelihoodNull: number;
  logLikelihood: number;
  likelihoodRatio: CoxTest;
  wald: CoxTest;
  score: CoxTest;
  iterations: number;
  converged: boolean;
  /** cox.zph: per model term, then `GLOBAL`. */
  proportionalHazards: Array<{ term: string } & CoxTest>;
}

export interface CoxInput {
  times: Float64Array;
  events: Uint8Array;
  /** Covariates by column: `covariates[j][i]` is row i's value of covariate j. */
  covariates: Float64Array[];
  names: string[];
  /** Each model term's covariate indices (a factor's dummies together), for cox.zph. */
  terms: Array<{ name: string; columns: number[] }>;
  epsilon?: number;
  maxIterations?: number;
}

interface EfronPass {
  logLikelihood: number;
  score: number[];
  information: number[][];
  /** With a time function g: the time-varying block (u_γ, I_βγ, I_γγ) at γ = 0. */
  timeScore?: number[];
  crossInformation?: number[][];
  timeInformation?: number[][];
}

const zeros = (p: number) => Array.from({ length: p }, () => new Array<number>(p).fill(0));

/** The rows in decreasing time, covariates centred and laid out row by row for one sequential sweep. */
interface SortedRows {
  n: number;
  p: number;
  times: Float64Array;
  events: Uint8Array;
  /** Row i's covariate j at i·p + j. */
  x: Float64Array;
}

function sortedRows(input: CoxInput): SortedRows {
  const n = input.times.length;
  const p = input.covariates.length;
  // Decreasing time: each risk set is the rows seen so far. Centring (as coxph) keeps exp(η) in range.
  const order = Int32Array.from({ length: n }, (_, index) => index).sort((first, second) => input.times[second] - input.times[first]);
  const means = input.covariates.map((column) => column.reduce((sum, value) => sum + value, 0) / n);
  const times = new Float64Array(n);
  const events = new Uint8Array(n);
  const x = new Float64Array(n * p);
  order.forEach((row, position) => {
    times[position] = input.times[row];
    events[position] = input.events[row];
    for (let j = 0; j < p; j += 1) x[position * p + j] = input.covariates[j][row] - means[j];
  });
  return { n, p, times, events, x };
}

/**
 * One pass over the rows in decreasing time: the Efron log partial likelihood
 * Σₜ [Σ_{D} ηᵢ − Σ_{l<d} log(S0 − (l/d)·S0_D)], its score and information (Efron, JASA 72, 1977;
 * Therneau & Grambsch, Modeling Survival Data, 2000, §3.3). With `g` (per sorted row), also the
 * score and information of covariates x·g(t) at zero coefficient, which cox.zph's test needs.
 * Sums of squares are kept as flat lower triangles in typed arrays: a pass over a million rows
 * allocates nothing per row.
 */
function efronPass(rows: SortedRows, beta: number[], g?: Float64Array): EfronPass {
  const { n, p, times, events, x } = rows;
  let s0 = 0;
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p * p);
  const score = new Float64Array(p);
  const information = new Float64Array(p * p);
  const timeScore = new Float64Array(p);
  const crossInformation = new Float64Array(p * p);
  const timeInformation = new Float64Array(p * p);
  let logLikelihood = 0;
  const deathS1 = new Float64Array(p);
  const deathS2 = new Float64Array(p * p);
  const stepScore = new Float64Array(p);
  const stepInformation = new Float64Array(p * p);
  for (let start = 0; start < n;) {
    const time = times[start];
    let end = start;
    let deaths = 0;
    let deathS0 = 0;
    deathS1.fill(0);
    deathS2.fill(0);
    stepScore.fill(0);
    while (end < n && times[end] === time) {
      const base = end * p;
      let eta = 0;
      for (let j = 0; j < p; j += 1) eta += x[base + j] * beta[j];
      const risk = Math.exp(eta);
      s0 += risk;
      const dies = events[end] === 1;
      if (dies) {
        deaths += 1;
        deathS0 += risk;
        logLikelihood += eta;
      }
      for (let j = 0; j < p; j += 1) {
        const weighted = risk * x[base + j];
        s1[j] += weighted;
        if (dies) {
          deathS1[j] += weighted;
          stepScore[j] += x[base + j];
        }
        for (let k = 0; k <= j; k += 1) {
          const product = weighted * x[base + k];
          s2[j * p + k] += product;
          if (dies) deathS2[j * p + k] += product;
        }
      }
      end += 1;
    }
    const weight = g ? g[start] : 0;
    start = end;
    if (deaths === 0) continue;
    stepInformation.fill(0);
    for (let l = 0; l < deaths; l += 1) {
      const share = l / deaths;
      const denominator = s0 - share * deathS0;
      logLikelihood -= Math.log(denominator);
      for (let j = 0; j < p; j += 1) {
        const meanJ = (s1[j] - share * deathS1[j]) / denominator;
        stepScore[j] -= meanJ;
        for (let k = 0; k <= j; k += 1) {
          const meanK = (s1[k] - share * deathS1[k]) / denominator;
          stepInformation[j * p + k] += (s2[j * p + k] - share * deathS2[j * p + k]) / denominator - meanJ * meanK;
        }
      }
    }
    for (let j = 0; j < p; j += 1) {
      score[j] += stepScore[j];
      timeScore[j] += weight * stepScore[j];
      for (let k = 0; k <= j; k += 1) {
        const entry = stepInformation[j * p + k];
        information[j * p + k] += entry;
        crossInformation[j * p + k] += weight * entry;
        timeInformation[j * p + k] += weight * weight * entry;
      }
    }
  }
  const symmetric = (flat: Float64Array) => Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_unused, k) => (k <= j ? flat[j * p + k] : flat[k * p + j])));
  return {
    logLikelihood,
    score: Array.from(score),
    information: symmetric(information),
    ...(g ? { timeScore: Array.from(timeScore), crossInformation: symmetric(crossInformation), timeInformation: symmetric(timeInformation) } : {}),
  };
}

function quadraticForm(vector: number[], matrix: number[][]): number {
  const column = Matrix.columnVector(vector);
  return column.transpose().mmul(solve(new Matrix(matrix), column)).get(0, 0);
}

/**
 * Fits the model by Newton–Raphson from β = 0 with R's `coxph.control()` rule: stop when
 * |1 − ℓ_old/ℓ_new| ≤ 1e-9, halve the step when the likelihood falls, at most 20 iterations; the
 * standard errors come from the information at the final β, as coxfit6 does, so estimates,
 * errors and iterations equal R's. Wald z and p per coefficient; the likelihood-ratio, Wald and
 * score (log-rank) tests of all coefficients; then cox.zph (see `proportionalHazardsTests`).
 * @throws RangeError when there is no event or no covariate, or the information is singular
 *   (a covariate constant among those at risk, or collinear).
 * @example coxPh({ times, events, covariates: [isGroupB], names: ['group=b'], terms: [{ name: 'group', columns: [0] }] }).coefficients[0].hazardRatio
 */
export function coxPh(input: CoxInput): CoxResult {
  const epsilon = input.epsilon ?? 1e-9;
  const maxIterations = input.maxIterations ?? 20;
  const p = input.covariates.length;
  if (p === 0) throw new RangeError('A Cox model needs at least one covariate.');
  const events = input.events.reduce((sum, event) => sum + event, 0);
  if (events === 0) throw new RangeError('A Cox model needs at least one event.');
  const rows = sortedRows(input);

  let beta = new Array<number>(p).fill(0);
  const initial = efronPass(rows, beta);
  const step = (pass: EfronPass) => new CholeskyDecomposition(new Matrix(pass.information)).solve(Matrix.columnVector(pass.score)).to1DArray();
  if (!new CholeskyDecomposition(new Matrix(initial.information)).isPositiveDefinite()) {
    throw new RangeError(`The covariates ${input.names.map((name) => `"${name}"`).join(', ')} do not vary among those at risk, or are collinear: their effects cannot be estimated.`);
  }
  const scoreStatistic = quadraticForm(initial.score, initial.information);
  let logLikelihood = initial.logLikelihood;
  let newBeta = beta.map((value, index) => value + step(initial)[index]);
  let current = initial;
  let iterations = 0;
  let converged = false;
  let halving = false;
  for (iterations = 1; iterations <= maxIterations; iterations += 1) {
    const pass = efronPass(rows, newBeta);
    if (Math.abs(1 - logLikelihood / pass.logLikelihood) <= epsilon && !halving) {
      beta = newBeta;
      current = pass;
      logLikelihood = pass.logLikelihood;
      converged = true;
      break;
    }
    if (iterations === maxIterations) {
      beta = newBeta;
      current = pass;
      logLikelihood = pass.logLikelihood;
      break;
    }
    if (pass.logLikelihood < logLikelihood) {
      halving = true;
      newBeta = newBeta.map((value, index) => (value + beta[index]) / 2);
    } else {
      halving = false;
      logLikelihood = pass.logLikelihood;
      beta = newBeta;
      current = pass;
      const delta = step(pass);
      newBeta = newBeta.map((value, index) => value + delta[index]);
    }
  }

  const covariance = inverse(new Matrix(current.information)).to2DArray();
  const z = normalQuantileAt(0.975);
  const coefficients = input.names.map((term, index) => {
    const stdError = Math.sqrt(covariance[index][index]);
    const statistic = beta[index] / stdError;
    return {
      term,
      estimate: beta[index],
      hazardRatio: Math.exp(beta[index]),
      stdError,
      statistic,
      pValue: normalTwoSidedP(statistic),
      hazardRatioCiLow: Math.exp(beta[index] - z * stdError),
      hazardRatioCiHigh: Math.exp(beta[index] + z * stdError),
    };
  });
  const test = (statistic: number): CoxTest => ({ statistic, df: p, pValue: chiSquareUpperTail(Math.max(statistic, 0), p) });
  const wald = beta.reduce((sum, value, j) => sum + value * current.information[j].reduce((inner, entry, k) => inner + entry * beta[k], 0), 0);
  return {
    n: rows.n,
    events,
    coefficients,
    logLikelihoodNull: initial.logLikelihood,
    logLikelihood,
    likelihoodRatio: test(2 * (logLikelihood - initial.logLikelihood)),
    wald: test(wald),
    score: test(scoreStatistic),
    iterations,
    converged,
    proportionalHazards: proportionalHazardsTests(input, rows, beta),
  };
}

/** 1 − S(t−) per sorted row, the left-continuous Kaplan–Meier of all rows, centred over the events (cox.zph's "km"). */
function kmTimeTransform(rows: SortedRows): Float64Array {
  const { n, times, events } = rows;
  const transform = new Float64Array(n);
  let atRisk = n;
  let survival = 1;
  // The rows are in decreasing time: walk them backwards for increasing time.
  for (let end = n; end > 0;) {
    const time = times[end - 1];
    let start = end;
    let deaths = 0;
    while (start > 0 && times[start - 1] === time) {
      start -= 1;
      transform[start] = 1 - survival; // S just before this time
      deaths += events[start];
    }
    if (deaths > 0) survival *= 1 - deaths / atRisk;
    atRisk -= end - start;
    end = start;
  }
  let eventSum = 0;
  let eventCount = 0;
  for (let i = 0; i < n; i += 1) {
    if (events[i] === 1) {
      eventSum += transform[i];
      eventCount += 1;
    }
  }
  const mean = eventSum / eventCount;
  return transform.map((value) => value - mean);
}

/**
 * cox.zph (survival ≥ 3.0; Grambsch & Therneau, Biometrika 81, 1994): for each term, the score
 * test at the fitted β of adding x·g(t) for its covariates, g = 1 − KM(t−) centred over the events,
 * u_γᵀ [I⁻¹]_γγ u_γ with the information of (β, γ_term) and the score of β taken as 0, as R;
 * GLOBAL adds all terms' time-varying covariates at once.
 */
function proportionalHazardsTests(input: CoxInput, rows: SortedRows, beta: number[]): Array<{ term: string } & CoxTest> {
  const p = beta.length;
  const pass = efronPass(rows, beta, kmTimeTransform(rows));
  const testOf = (name: string, columns: number[]) => {
    const size = p + columns.length;
    const information = Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_unused, column) => {
      const rowIsTime = row >= p;
      const columnIsTime = column >= p;
      const j = rowIsTime ? columns[row - p] : row;
      const k = columnIsTime ? columns[column - p] : column;
      if (rowIsTime && columnIsTime) return pass.timeInformation![j][k];
      if (rowIsTime || columnIsTime) return pass.crossInformation![j][k];
      return pass.information[j][k];
    }));
    const score = [...new Array<number>(p).fill(0), ...columns.map((column) => pass.timeScore![column])];
    const statistic = quadraticForm(score, information);
    return { term: name, statistic, df: columns.length, pValue: chiSquareUpperTail(Math.max(statistic, 0), columns.length) };
  };
  return [...input.terms.map((term) => testOf(term.name, term.columns)), testOf('GLOBAL', Array.from({ length: p }, (_, index) => index))];
}
