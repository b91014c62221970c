import { conditionedRowSource, derivedColumnsAmong } from '../../analysis/conditioned-row-source';
import type { RowSource } from '../../analysis/types';
import { formatOf, rowSourceOf, type InputOptions } from './analysis-input';
import { render, type Tabular } from './output-format';
import { progressFor } from './progress';

/**
 * The shape every analysis command shares: open the rows, apply the `--where` filters, turn an
 * outcome given as a condition (`conditionColumns`: the options that name a 0/1 column) into a
 * 0/1 column named by its text, show progress on a terminal, run the analysis, and render its
 * result in the chosen format.
 */
export async function runAnalysis<Result>(
  options: InputOptions,
  analyse: (source: RowSource, onProgress?: (rows: number) => void) => Promise<Result>,
  tabular: (result: Result) => Tabular,
  conditionColumns: ReadonlyArray<string | undefined> = [],
): Promise<string> {
  const base = rowSourceOf(options);
  const source = conditionedRowSource(base, { where: options.where ?? [], derived: await derivedColumnsAmong(base, conditionColumns) });
  const progress = await progressFor(source);
  try {
    const result = await analyse(source, progress.onProgress);
    progress.stop();
    return render(result, tabular(result), formatOf(options));
  } finally {
    progress.stop();
  }
}
