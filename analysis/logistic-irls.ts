/**
 * The IRLS iterations of logistic regression (logistic.ts states the method and R's rules), for
 * one model or several nested models on one frame in lockstep: each pass over the rows feeds
 * every model still iterating, through its own accumulator for that step.
 *
 * A step solves the weighted normal equations (normal-equations.ts, a third of a QR's work). The
 * step that gives a model's final β is reported from them when they are well-conditioned (see
 * FINAL_RELATIVE_PIVOT in normal-equations.ts), else done again by QR, whose β and (XᵀWX)⁻¹ are reported; a model whose
 * normal equations are too ill-conditioned for any step takes the QR at every step from then on
 * (its current step is redone by QR in the next pass).
 */
import { AnalysisError } from './analysis-error';
import { LeastSquaresPass, type WorkingRow } from './fit-least-squares';
import type { ModelFrame, Term } from './model-frame';
import { FINAL_RELATIVE_PIVOT, NormalEquations } from './normal-equations';
import type { QrFactor } from './streaming-qr';

export const DEFAULT_MAX_ITERATIONS = 100;
/** Fitted probabilities this close to 0 or 1 mean separation (R warns at 10·machine epsilon). */
const BOUNDARY = 10 * Number.EPSILON;

/** A model's fit: the final β with its QR factor, and what the result reports. */
export interface IrlsFit {
  beta: number[];
  factor: QrFactor;
  /** The β whose working weights built `factor` (undefined: R's start from y); glm scores use them. */
  weightsBeta: number[] | undefined;
  deviance: number;
  iterations: number;
  converged: boolean;
  positives: number;
  /** Rows whose fitted probability at the final β is numerically 0 or 1. */
  atBoundary: number;
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
 * response and weight, and the tally of deviance, boundary rows and outcomes for β. x is 0 but
 * in the columns `nonzero[0 … count)`.
 */
function irlsStep(current: number[] | undefined, tally: PassTally): RowStep {
  return (x, y, target, nonzero, count) => {
    let eta: number;
    let mu: number;
    if (current) {
      eta = 0;
      for (let index = 0; index < count; index += 1) eta += x[nonzero[index]] * current[nonzero[index]];
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

function clampProbability(mu: number): number {
  return Math.min(Math.max(mu, Number.MIN_VALUE), 1 - Number.EPSILON / 2);
}

const emptyTally = (): PassTally => ({ deviance: 0, atBoundary: 0, positives: 0, bad: undefined });

type RowStep = (x: Float64Array, y: number, target: WorkingRow, nonzero: Int32Array, count: number) => void;

/** One model's iteration state, and its accumulator for the pass under way. */
interface IrlsModel {
  /** Its terms among the frame's (undefined: all). */
  indices: Int32Array | undefined;
  terms: readonly Term[];
  /** The row's design restricted to the model's terms, and its non-zero columns (reused). */
  x: Float64Array;
  nonzero: Int32Array;
  stage: 'iterate' | 'final' | 'done';
  beta: number[] | undefined;
  /** The β whose weights gave `beta` (undefined for the first step, from y). */
  betaBefore: number[] | undefined;
  /** The QR factor of the step that gave `beta`, when that step was a QR. */
  factor: QrFactor | undefined;
  useQr: boolean;
  devianceOld: number;
  deviance: number;
  iterations: number;
  converged: boolean;
  positives: number;
  atBoundary: number;
  current: number[] | undefined;
  tally: PassTally;
  step: RowStep;
  equations: NormalEquations | undefined;
  leastSquares: LeastSquaresPass | undefined;
}

function startPass(model: IrlsModel): void {
  model.tally = emptyTally();
  const p = model.terms.length;
  if (model.stage === 'final') {
    // The final step again, by QR: the reported β and its covariance.
    model.step = irlsStep(model.betaBefore, model.tally);
    model.equations = undefined;
    model.leastSquares = new LeastSquaresPass(model.terms);
    return;
  }
  model.current = model.beta;
  model.step = irlsStep(model.current, model.tally);
  model.equations = model.useQr ? undefined : new NormalEquations(p);
  model.leastSquares = model.useQr ? new LeastSquaresPass(model.terms) : undefined;
}

// One pass per iteration: the pass that builds step k+1's weighted fit from β_k also adds up the
// deviance of β_k, which decides (R's rule) whether β_k is final. Only β and scalars persist.
function endPass(model: IrlsModel, frame: ModelFrame, epsilon: number, maxIterations: number): void {
  if (model.stage === 'final') {
    model.factor = model.leastSquares!.finish();
    model.beta = model.factor.coefficients();
    model.stage = 'done';
    return;
  }
  const { current, tally } = model;
  let next: number[] | undefined;
  let nextFactor: QrFactor | undefined;
  if (model.equations) {
    const solved = model.equations.solve();
    if (!current) model.positives = checkOutcome(frame, tally);
    if (!solved) {
      model.useQr = true;
      return;
    }
    next = solved.factor.coefficients();
    // Well-conditioned enough to report as it is: no QR pass at the end.
    if (solved.smallestRelativePivot >= FINAL_RELATIVE_PIVOT) nextFactor = solved.factor;
  } else {
    nextFactor = model.leastSquares!.finish();
    if (!current) model.positives = checkOutcome(frame, tally);
    next = nextFactor.coefficients();
  }
  model.atBoundary = tally.atBoundary;
  if (current) {
    model.deviance = tally.deviance;
    model.converged = Math.abs(model.deviance - model.devianceOld) / (Math.abs(model.deviance) + 0.1) < epsilon;
  }
  model.devianceOld = tally.deviance;
  if (model.converged || model.iterations === maxIterations) {
    model.stage = model.factor ? 'done' : 'final';
    return;
  }
  model.betaBefore = current;
  model.factor = nextFactor;
  model.beta = next;
  model.iterations += 1;
}

/**
 * Runs IRLS for each model (`undefined`: all the frame's terms; else its term indices, ascending)
 * until each has converged by R's rule or reached `maxIterations`.
 * @throws AnalysisError for a non-0/1 outcome or one without both values, or collinear terms.
 */
export function runIrls(frame: ModelFrame, termSets: ReadonlyArray<readonly number[] | undefined>, options: { epsilon?: number; maxIterations?: number } = {}): IrlsFit[] {
  const epsilon = options.epsilon ?? 1e-8;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const models: IrlsModel[] = termSets.map((indices) => {
    const terms = indices ? indices.map((index) => frame.terms[index]) : frame.terms;
    return {
      indices: indices ? Int32Array.from(indices) : undefined,
      terms,
      x: new Float64Array(terms.length),
      nonzero: new Int32Array(terms.length),
      stage: 'iterate',
      beta: undefined,
      betaBefore: undefined,
      factor: undefined,
      useQr: false,
      devianceOld: Number.NaN,
      deviance: Number.NaN,
      iterations: 0,
      converged: false,
      positives: 0,
      atBoundary: 0,
      current: undefined,
      tally: emptyTally(),
      step: () => {},
      equations: undefined,
      leastSquares: undefined,
    };
  });
  const working: WorkingRow = { response: 0, weight: 1 };
  for (;;) {
    const active = models.filter((model) => model.stage !== 'done');
    if (active.length === 0) break;
    active.forEach(startPass);
    frame.forEachRow((full, y, _cluster, fullNonzero, fullCount) => {
      for (let index = 0; index < active.length; index += 1) {
        const model = active[index];
        let x = full;
        let nonzero = fullNonzero;
        let count = fullCount;
        const indices = model.indices;
        if (indices) {
          x = model.x;
          nonzero = model.nonzero;
          count = 0;
          for (let term = 0; term < indices.length; term += 1) {
            const value = full[indices[term]];
            x[term] = value;
            if (value !== 0) nonzero[count++] = term;
          }
        }
        model.step(x, y, working, nonzero, count);
        if (model.equations) model.equations.addNonzero(x, nonzero, count, working.response, working.weight);
        else model.leastSquares!.addRow(x, working.response, working.weight);
      }
    });
    for (const model of active) endPass(model, frame, epsilon, maxIterations);
  }
  return models.map((model) => ({
    beta: model.beta!,
    factor: model.factor!,
    weightsBeta: model.betaBefore,
    deviance: model.deviance,
    iterations: model.iterations,
    converged: model.converged,
    positives: model.positives,
    atBoundary: model.atBoundary,
  }));
}
