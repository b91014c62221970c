/**
 * A RowSource with one more column naming each row's group when several group columns are
 * crossed (`race=Black & sex=Female`), so that a model frame can take the crossed group as one
 * factor. With one group column, the source itself (keeping its fast batch path).
 */
import { intersectGroups } from './intersect-groups';
import type { Row, RowSource } from './types';

export function withGroupColumn(source: RowSource, groups: readonly string[], name: string): RowSource {
  if (groups.length === 1) return source;
  return {
    columns: async () => [...(await source.columns()), name],
    rows: () => (async function* rowsWithGroup() {
      for await (const row of source.rows()) yield { ...row, [name]: intersectGroups(row, groups) ?? null } as Row;
    })(),
    ...(source.sizeHint ? { sizeHint: () => source.sizeHint!() } : {}),
  };
}
