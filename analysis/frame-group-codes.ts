/**
 * Reads a factor's level back out of a model frame's design row: the level whose dummy is 1, or
 * the reference level when none is. Lets an analysis take groups from the same single read of
 * the data as its model (calibration, survival).
 */
import type { ModelFrame } from './model-frame';

export interface FrameGroupCodes {
  /** The factor's levels, sorted as the frame sorts them; codes index into this. */
  levels: string[];
  reference: string;
  /** The level code of a design row `x`. */
  codeOf(x: Float64Array): number;
}

export function frameGroupCodes(frame: ModelFrame, column: string): FrameGroupCodes {
  const factor = frame.factors.get(column);
  if (!factor) throw new RangeError(`Column "${column}" is not a factor of the model frame.`);
  const { levels, reference } = factor;
  const dummies = frame.terms.flatMap((term, index) => (term.column === column && !term.parts && term.level !== undefined ? [[index, levels.indexOf(term.level)] as const] : []));
  const referenceCode = levels.indexOf(reference);
  return {
    levels,
    reference,
    codeOf(x) {
      for (const [index, code] of dummies) if (x[index] === 1) return code;
      return referenceCode;
    },
  };
}
