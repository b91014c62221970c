import { buildModelFrame, type ModelFrame } from '../../../analysis/model-frame';
import { arrayRowSource } from '../../../analysis/row-source';

/** Every row the frame streams: its design row, outcome, cluster and listed non-zero columns. */
function streamed(frame: ModelFrame): Array<{ x: number[]; y: number; cluster: number; nonzero: number[] }> {
  const rows: Array<{ x: number[]; y: number; cluster: number; nonzero: number[] }> = [];
  frame.forEachRow((x, y, cluster, nonzero, count) => rows.push({ x: Array.from(x), y, cluster, nonzero: Array.from(nonzero.subarray(0, count)) }));
  return rows;
}

const rows = Array.from({ length: 9000 }, (_, index) => ({
  y: (index * 7919) % 101,
  age: index % 5 === 0 ? 0 : 20 + (index % 47),
  region: `r${(index * 31) % 12}`,
  sex: index % 3 === 0 ? 'f' : 'm',
  donor: `d${Math.floor(index / 3)}`,
}));
const spec = { outcome: 'y', predictors: ['age', 'region', 'sex', 'age:sex'], cluster: 'donor' };

describe('model frame', () => {
  // 72 bytes a row, 4,096 rows a chunk: 0 spills at once, 400,000 after keeping the first chunk.
  test.each([0, 400_000])('when the rows exceed a memory budget of %d bytes, then the frame spilled to a file streams exactly the rows kept in memory', async (inMemoryBytes) => {
    const inMemory = await buildModelFrame(arrayRowSource(rows), spec);
    const onDisk = await buildModelFrame(arrayRowSource(rows), spec, { inMemoryBytes });
    try {
      expect(onDisk.n).toBe(9000);
      expect(streamed(onDisk)).toEqual(streamed(inMemory));
    } finally {
      inMemory.close();
      onDisk.close();
    }
  });

  test('when a row is streamed, then its listed columns are exactly its non-zero entries, ascending', async () => {
    const frame = await buildModelFrame(arrayRowSource(rows.slice(0, 500)), spec);
    try {
      for (const { x, nonzero } of streamed(frame)) {
        expect(nonzero).toEqual(x.flatMap((value, column) => (value !== 0 ? [column] : [])));
      }
    } finally {
      frame.close();
    }
  });
});
