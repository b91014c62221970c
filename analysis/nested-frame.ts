/**
 * A model frame restricted to some of its terms, so that nested models (for a likelihood-ratio
 * test) are fitted on exactly the same rows from one read of the data.
 */
import type { ModelFrame } from './model-frame';

/** `frame` with only the terms at `indices` (ascending; 0 is the intercept). Closing it does not close `frame`. */
export function nestedFrame(frame: ModelFrame, indices: readonly number[]): ModelFrame {
  const x = new Float64Array(indices.length);
  return {
    ...frame,
    terms: indices.map((index) => frame.terms[index]),
    forEachRow(visit) {
      frame.forEachRow((full, y, cluster) => {
        for (let index = 0; index < indices.length; index += 1) x[index] = full[indices[index]];
        visit(x, y, cluster);
      });
    },
    close() {},
  };
}
