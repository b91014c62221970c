/**
 * Logistic regression, as R's `glm(family = binomial)`, by iteratively reweighted least squares
 * (McCullagh & Nelder, Generalized Linear Models, 2nd ed., §2.5 and §4.4), each step a weighted
 * Givens QR over the streamed rows.
 *
 * Start μ = (y + ½)/2 as R's `binomial()$initialize`; then repeat: η = Xβ, μ = 1/(1 + e^−η),
 * w = μ(1 − μ), z = η + (y − μ)/w, β ← WLS of z on X with weights w; stop when
 * |D − D_old|/(|D| + 0.1) < ε (R's rule) with D = −2 Σ [y log μ + (1−y) log(1−μ)]. ε defaults to
 * R's `glm.control()` default, 1e-8, so the iterations, estimates and standard errors are those of
 * a plain `glm(y ~ …, family = binomial)`: the standard errors use the weights of the last step,
 * so a tighter ε (R's results with `glm.control(epsilon = 1e-12)`) moves them by up to 1e-6
 * relative. Var(β) = (XᵀWX)⁻¹ from the last step; Wald z = β/se, p = 2Φ(−|z|), 95% CI β ± 1.96
 * se, odds ratio e^β with its interval e^ciLow – e^ciHigh (R's `exp(confint.default(fit))`);
 * AIC = D + 2p (0/1 data); residual df n − p, null df n − 1; the likelihood-ratio test against the
 * intercept-only model, D_null − D on p − 1 df (R's `anova(glm(y ~ 1), fit, test = "LRT")`).
 *
 * Separation (a predictor that perfectly splits 0 from 1) has no finite maximum: fitted
 * probabilities reach 0 or 1 and estimates drift without bound. It is reported in `warnings`,
 * naming the terms whose standard errors explode, never hidden.
 *
 * @throws AnalysisError for a non-0/1 outcome, an outcome that never or always happens, an unknown
 *   column or reference level, a factor with one level, an empty selection, collinear predictors.
 * @example
 *   const fit = await logistic(csvRowSource('german_credit.csv'), { outcome: 'decision', predictors: ['age', 'sex'] });
 *   fit.coefficients.find((c) => c.term === 'sex=female')?.oddsRatio;
 */
import { AnalysisError } from './analysis-error';
import { chiSquareUpperTail, normalQuantileAt, normalTwoSidedP } from './distributions';
import { fitLeastSquares, type WorkingRow } from './fit-least-squares';
import { NormalEquations } from './normal-equations';
import type { QrFactor } from './streaming-qr';
import { buildModelFrame, type FrameOptions, type ModelFrame, type ModelSpec } from './model-frame';
import type { Coefficient } from './ols';
import type { RowSource } from './types';

export interface LogisticCoefficient extends Coefficient {
  oddsRatio: number;
  /** The odds ratio's 95% interval: e^ciLow – e^ciHigh. */
  oddsRatioCiLow: number;
  oddsRatioCiHigh: number;
}

export interface LogisticResult {
  model: 'logistic';
  n: number;
  coefficients: LogisticCoefficient[];
  dfResidual: number;
  dfNull: number;
  deviance: number;
  nullDeviance: number;
  aic: number;
  /** Against the intercept-only model: D_null − D on p − 1 degrees of freedom. */
  likelihoodRatio: { statistic: number; df: number; pValue: number };
  iterations: number;
  converged: boolean;
  dropped: number;
  warnings: string[];
}

export interface LogisticOptions extends ModelSpec, FrameOptions {
  epsilon?: number;
  maxIterations?: number;
}

/** Fitted probabilities this close to 0 or 1 mean separation (R warns at 10·machine epsilon). */
const BOUNDARY = 10 * Number.EPSILON;
/** A standard error this large on the logit scale means the estimate is running off to infinity. */
const DIVERGING_STD_ERROR = 50;

export async function logistic(source: RowSource, options: LogisticOptions): Promise<LogisticResult> {
  const frame = await buildModelFrame(source, options, options);
  try {
    return fitLogistic(frame, options);
  } finally {
    frame.close();
  }
}

function binomialDeviance(y: number, mu: number): number {
  return -2 * (y === 1 ? Math.log(mu) : Math.log(1 - mu));
}

/** What one IRLS pass adds up besides the weighted fit. */
interface PassTally {
  deviance: number;
  /** Rows whose fitted probability is numerically 0 or 1 (separation). */
  atBoundary: number;
  positives: number;
  /** The first outcome that is neither 0 nor 1. */
  bad: number | undefined;
}

/** The outcome checks, from the first pass's tally (before any result of that pass is used). */
function checkOutcome(frame: ModelFrame, tally: PassTally): number {
  // A text outcome reads as NaN here: name its first text value instead ("found NaN" said nothing).
  if (!frame.outcomeNumeric) {
    throw new AnalysisError(`The outcome "${frame.outcome}" must be 0 or 1 in every row (found "${frame.outcomeText ?? ''}"). For a text column, give the outcome as a condition, e.g. "${frame.outcome} = ${frame.outcomeText ?? 'LEVEL'}".`);
  }
  if (tally.bad !== undefined) throw new AnalysisError(`The outcome "${frame.outcome}" must be 0 or 1 in every row (found ${tally.bad}).`);
  if (tally.positives === 0 || tally.positives === frame.n) {
    throw new AnalysisError(`The outcome "${frame.outcome}" is ${tally.positives === 0 ? 0 : 1} in every row used; there is nothing to explain.`);
  }
  return tally.positives;
}

/**
 * The row step of an IRLS pass from β (`current`; undefined: R's start from y): the working
 * response and weight, and the tally of deviance, boundary rows and outcomes for β.
 */
function irlsStep(p: number, current: number[] | undefined, tally: PassTally): (x: Float64Array, y: number, target: WorkingRow) => void {
  return (x, y, target) => {
    let eta: number;
    let mu: number;
    if (current) {
      eta = 0;
      for (let j = 0; j < p; j += 1) eta += x[j] * current[j];
      mu = 1 / (1 + Math.exp(-eta));
      if (mu < BOUNDARY || mu > 1 - BOUNDARY) tally.atBoundary += 1;
    } else {
      mu = (y + 0.5) / 2;
      eta = Math.log(mu / (1 - mu));
    }
    if (y === 1) tally.positives += 1;
    else if (y !== 0 && tally.bad === undefined) tally.bad = y;
    tally.deviance += binomialDeviance(y, clampProbability(mu));
    const weight = Math.max(mu * (1 - mu), 1e-300);
    target.response = eta + (y - mu) / weight;
    target.weight = weight;
  };
}

/** One pass solving the weighted normal equations; undefined when they are too ill-conditioned. */
function normalEquationsPass(frame: ModelFrame, step: (x: Float64Array, y: number, target: WorkingRow) => void): number[] | undefined {
  const equations = new NormalEquations(frame.terms.length);
  const working: WorkingRow = { response: 0, weight: 1 };
  frame.forEachRow((x, y) => {
    step(x, y, working);
    equations.addRow(x, working.response, working.weight);
  });
  return equations.solve();
}

const emptyTally = (): PassTally => ({ deviance: 0, atBoundary: 0, positives: 0, bad: undefined });

export function fitLogistic(frame: ModelFrame, options: { epsilon?: number; maxIterations?: number } = {}): LogisticResult {
  const epsilon = options.epsilon ?? 1e-8;
  const maxIterations = options.maxIterations ?? 100;
  const p = frame.terms.length;

  // One pass per iteration: the pass that builds step k+1's weighted fit from β_k also adds up the
  // deviance of β_k, which decides (R's rule) whether β_k is final. Only β and scalars persist.
  // The steps solve the normal equations (a third of a QR's work, see normal-equations.ts); the
  // step that gives the final β is then done again by QR, whose β and (XᵀWX)⁻¹ are reported, so
  // the results keep the QR's accuracy. Ill-conditioned designs take the QR at every step.
  let beta: number[] | undefined;
  /** The β whose weights gave `beta` (undefined for the first step, from y). */
  let betaBefore: number[] | undefined;
  let factor: QrFactor | undefined;
  let useQr = false;
  let devianceOld = Number.NaN;
  let deviance = Number.NaN;
  let iterations = 0;
  let converged = false;
  let positives = 0;
  let atBoundary = 0;
  for (;;) {
    const current = beta;
    let tally = emptyTally();
    let next: number[] | undefined;
    let nextFactor: QrFactor | undefined;
    if (!useQr) {
      next = normalEquationsPass(frame, irlsStep(p, current, tally));
      if (!current) positives = checkOutcome(frame, tally);
    }
    if (!next) {
      useQr = true;
      tally = emptyTally();
      nextFactor = fitLeastSquares(frame, irlsStep(p, current, tally));
      if (!current) positives = checkOutcome(frame, tally);
      next = nextFactor.coefficients();
    }
    atBoundary = tally.atBoundary;
    if (current) {
      deviance = tally.deviance;
      converged = Math.abs(deviance - devianceOld) / (Math.abs(deviance) + 0.1) < epsilon;
    }
    devianceOld = tally.deviance;
    if (converged || iterations === maxIterations) break;
    betaBefore = current;
    factor = nextFactor;
    beta = next;
    iterations += 1;
  }
  if (!factor) {
    // The final step again, by QR: the reported β and its covariance.
    factor = fitLeastSquares(frame, irlsStep(p, betaBefore, emptyTally()));
    beta = factor.coefficients();
  }

  const finalBeta = beta!;
  const covariance = factor!.unscaledCovariance();
  const quantile = normalQuantileAt(0.975);
  const coefficients = frame.terms.map((term, index) => {
    const stdError = Math.sqrt(covariance[index][index]);
    const statistic = finalBeta[index] / stdError;
    return {
      term: term.name,
      estimate: finalBeta[index],
      stdError,
      statistic,
      pValue: normalTwoSidedP(statistic),
      ciLow: finalBeta[index] - quantile * stdError,
      ciHigh: finalBeta[index] + quantile * stdError,
      oddsRatio: Math.exp(finalBeta[index]),
      oddsRatioCiLow: Math.exp(finalBeta[index] - quantile * stdError),
      oddsRatioCiHigh: Math.exp(finalBeta[index] + quantile * stdError),
    };
  });

  const warnings = separationWarnings(frame.n, atBoundary, coefficients);
  if (!converged) warnings.push(`The fit did not converge in ${maxIterations} iterations; the estimates are not reliable.`);
  const share = positives / frame.n;
  const nullDeviance = -2 * (positives * Math.log(share) + (frame.n - positives) * Math.log(1 - share));
  return {
    model: 'logistic',
    n: frame.n,
    coefficients,
    dfResidual: frame.n - p,
    dfNull: frame.n - 1,
    deviance,
    nullDeviance,
    aic: deviance + 2 * p,
    likelihoodRatio: { statistic: nullDeviance - deviance, df: p - 1, pValue: chiSquareUpperTail(Math.max(nullDeviance - deviance, 0), p - 1) },
    iterations,
    converged,
    dropped: frame.dropped,
    warnings,
  };
}

function clampProbability(mu: number): number {
  return Math.min(Math.max(mu, Number.MIN_VALUE), 1 - Number.EPSILON / 2);
}

function separationWarnings(n: number, atBoundary: number, coefficients: LogisticCoefficient[]): string[] {
  if (atBoundary === 0) return [];
  const diverging = coefficients.filter((coefficient) => coefficient.stdError > DIVERGING_STD_ERROR).map((coefficient) => `"${coefficient.term}"`);
  return [
    `Separation: ${atBoundary} of ${n} fitted probabilities are numerically 0 or 1, so some groups always or never have the outcome. ` +
      (diverging.length > 0 ? `The estimates of ${diverging.join(', ')} have no finite value and must not be read as effects.` : 'Treat the estimates with great caution.'),
  ];
}
