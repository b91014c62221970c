import type { RowSource } from '../../analysis/types';
import { formatOf, rowSourceOf, type InputOptions } from './analysis-input';
import { render, type Tabular } from './output-format';
import { progressFor } from './progress';

/**
 * The shape every analysis command shares: open the rows, show progress on a terminal, run the
 * analysis, and render its result in the chosen format.
 */
export async function runAnalysis<Result>(
  options: InputOptions,
  analyse: (source: RowSource, onProgress?: (rows: number) => void) => Promise<Result>,
  tabular: (result: Result) => Tabular,
): Promise<string> {
  const source = rowSourceOf(options);
  const progress = await progressFor(source);
  try {
    const result = await analyse(source, progress.onProgress);
    progress.stop();
    return render(result, tabular(result), formatOf(options));
  } finally {
    progress.stop();
  }
}
