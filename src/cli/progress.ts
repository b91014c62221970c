import { Presets, SingleBar } from 'cli-progress';
import type { RowSource } from '../../analysis/types';

/**
 * A progress bar on stderr for long inputs, only on a terminal (never in pipes or CI logs).
 * Returns the callback the analyses call with the rows read so far, and a function to stop it.
 */
export async function progressFor(source: RowSource): Promise<{ onProgress?: (rows: number) => void; stop: () => void }> {
  if (!process.stderr.isTTY) return { stop: () => undefined };
  const hint = await source.sizeHint?.();
  // A CSV reports bytes; about 40 bytes a row is close enough for a bar.
  const totalRows = hint ? (hint.unit === 'rows' ? hint.total : Math.max(1, Math.round(hint.total / 40))) : 0;
  if (totalRows < 100_000) return { stop: () => undefined };
  const bar = new SingleBar({ stream: process.stderr, format: 'Reading rows [{bar}] {percentage}% | {value} rows', clearOnComplete: true }, Presets.shades_classic);
  bar.start(totalRows, 0);
  return {
    onProgress: (rows) => bar.update(Math.min(rows, totalRows)),
    stop: () => bar.stop(),
  };
}
