import { disparityReport } from '../../../analysis/examples/disparity-report';
import { myRecord } from '../../../analysis/examples/my-record';
import { expectMatchesR, GERMAN_CSV } from '../../helpers/fixtures';

describe('example scripts', () => {
  test('when the disparity report runs, then each comparison has a BH-adjusted p-value at least its raw one', async () => {
    const lines = await disparityReport(GERMAN_CSV, 'decision', ['sex', 'foreign_worker', 'housing']);
    expect(lines.map((line) => `${line.column}=${line.group}`)).toEqual(['sex=male', 'foreign_worker=yes', 'housing=own', 'housing=rent']);
    for (const line of lines) expect(line.adjustedP).toBeGreaterThanOrEqual(line.fisherP);
    // R: p.adjust(c(fisher.test(...)$p.value for each line), "BH") across all four comparisons.
    expectMatchesR(lines.map((line) => line.adjustedP), [0.0274958948313387, 0.0188441241915093, 0.0104863408598722, 0.8042621821679665], 'adjustedP');
  });

  test('when one record is examined, then its peers and prediction come back', async () => {
    const { peers, prediction } = await myRecord(GERMAN_CSV, 2);
    expect(peers).toMatchObject({ suppressed: false, peers: 157 });
    expect(prediction.model).toBe('logistic');
    expect(prediction.actual).toBe(0);
  });
});
