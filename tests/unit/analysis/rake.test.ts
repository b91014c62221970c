import fs from 'node:fs';
import path from 'node:path';
import { designMean } from '../../../analysis/design-mean';
import { csvRowSource } from '../../../analysis/load-csv';
import { rake } from '../../../analysis/rake';
import { rakedEstimates, type PopulationMargin } from '../../../analysis/raked-estimates';
import { arrayRowSource } from '../../../analysis/row-source';
import { expectMatchesR } from '../../helpers/fixtures';

const FIXTURES = path.resolve(__dirname, '../../fixtures/rake');
const SAMPLE_CSV = path.join(FIXTURES, 'credit_sample.csv');
const reference = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rake_reference.json'), 'utf8'));
const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'population_truth.json'), 'utf8'));

function marginsOf(columns: string[]): PopulationMargin[] {
  return columns.map((column) => ({ column, levels: truth.margins[column].map((row: Record<string, string | number>) => ({ level: String(row[column]), total: Number(row.Freq) })) }));
}

const byGroup = (groups: Array<{ group: string; unweighted: unknown; raked: unknown }>, which: 'unweighted' | 'raked') => groups.map((group) => ({ group: group.group, ...(group[which] as object) }));

describe('raking and design-based means against R\'s survey package', () => {
  test.each([['ageSex', ['age_band', 'sex']], ['ageSexNationality', ['age_band', 'sex', 'nationality']]])(
    'when the sample is raked to %s margins, then the weights, the unweighted and raked means, SEs and intervals match survey',
    async (name, columns) => {
      const job = reference[name];
      const refused = await rakedEstimates(csvRowSource(SAMPLE_CSV), { outcome: 'refused', group: 'sex', cluster: 'donor', margins: marginsOf(columns) });
      const score = await rakedEstimates(csvRowSource(SAMPLE_CSV), { outcome: 'score_value', group: 'nationality', cluster: 'donor', margins: marginsOf(columns) });
      expect(refused.n).toBe(job.n);
      expect(refused.clusters).toBe(job.donors);
      expect(refused.raking.converged).toBe(true);
      expectMatchesR({ min: refused.raking.weightMin, max: refused.raking.weightMax }, { min: job.weightMin, max: job.weightMax });
      expectMatchesR(refused.overall.unweighted, job.unweighted.refused);
      expectMatchesR(refused.overall.raked, job.raked.refused);
      expectMatchesR(score.overall.unweighted, job.unweighted.score_value);
      expectMatchesR(score.overall.raked, job.raked.score_value);
      expectMatchesR(byGroup(refused.groups, 'raked'), job.rakedBySex);
      expectMatchesR(byGroup(score.groups, 'raked'), job.rakedByNationality);
      expectMatchesR(byGroup(score.groups, 'unweighted'), job.unweightedByNationality);
    },
  );

  test('when one age band is over-represented fourfold, then the raked rate and mean recover the population figures within their intervals and the unweighted ones do not (issue 13, case c)', async () => {
    const margins = marginsOf(['age_band', 'sex']);
    const refused = await rakedEstimates(csvRowSource(SAMPLE_CSV), { outcome: 'refused', cluster: 'donor', margins });
    const score = await rakedEstimates(csvRowSource(SAMPLE_CSV), { outcome: 'score_value', cluster: 'donor', margins });
    const covers = (estimate: { ciLow: number; ciHigh: number }, value: number) => estimate.ciLow <= value && value <= estimate.ciHigh;
    expect(covers(refused.overall.raked, truth.refusedRate)).toBe(true);
    expect(covers(refused.overall.unweighted, truth.refusedRate)).toBe(false);
    expect(covers(score.overall.raked, truth.meanScore)).toBe(true);
    expect(covers(score.overall.unweighted, truth.meanScore)).toBe(false);
  });

  test('when the share table is made, then it shows the youngest band\'s over-representation and raked shares equal to the population\'s', async () => {
    const result = await rakedEstimates(csvRowSource(SAMPLE_CSV), { outcome: 'refused', cluster: 'donor', margins: marginsOf(['age_band', 'sex']) });
    const youngest = result.shares.find((share) => share.margin === 'age_band' && share.level === '18-24')!;
    expect(youngest.populationShare).toBeCloseTo(0.09, 12);
    expect(youngest.sampleShare).toBeGreaterThan(0.25);
    for (const share of result.shares) expect(share.rakedShare).toBeCloseTo(share.populationShare, 9);
    expect(result.shares.filter((share) => share.margin === 'sex').map((share) => share.sampleRows)).toEqual([965, 908]);
  });

  test('when donors give a sex outside the population margins, then their rows are counted, named and left out of both estimates', async () => {
    const result = await rakedEstimates(csvRowSource(SAMPLE_CSV), { outcome: 'refused', cluster: 'donor', margins: marginsOf(['age_band', 'sex']) });
    expect(result.excluded).toEqual([{ column: 'sex', value: 'diverse', rows: 22 }, { column: 'sex', value: 'not-stated', rows: 17 }]);
    expect(result.n).toBe(reference.ageSex.n);
    expect(result.warnings.join(' ')).toContain('39 rows are outside the population margins (sex = diverse: 22; sex = not-stated: 17)');
  });

  test('when margins come with different grand totals, then each is scaled to the first and the estimates do not change', async () => {
    const margins = marginsOf(['age_band', 'sex']);
    const shares = [margins[0], { column: 'sex', levels: margins[1].levels.map(({ level, total }) => ({ level, total: total / 1e6 })) }];
    const scaled = await rakedEstimates(csvRowSource(SAMPLE_CSV), { outcome: 'refused', cluster: 'donor', margins: shares });
    expectMatchesR(scaled.overall.raked, reference.ageSex.raked.refused);
  });

  test('when a population level has no row in the sample, then the error names the margin and the level', () => {
    expect(() => rake([{ name: 'age_band', levels: ['18-24', '65+'], cells: Int32Array.from([0, 0]), totals: [1, 2] }])).toThrow('No row has age_band = 65+');
  });

  test('when a margin column is unknown, then the error names it', async () => {
    await expect(rakedEstimates(arrayRowSource([{ y: 1, sex: 'male' }]), { outcome: 'y', margins: [{ column: 'region', levels: [{ level: 'north', total: 1 }] }] })).rejects.toThrow('Unknown column "region"');
  });

  test('when the outcome is text, then the error names the outcome and the value', async () => {
    await expect(rakedEstimates(csvRowSource(SAMPLE_CSV), { outcome: 'rating_class', margins: marginsOf(['sex']) })).rejects.toThrow(/"rating_class" must be a number .*found "[A-F]"/);
  });

  test('when one sex is weighted up, then the example in the doc comment holds', () => {
    expect(Array.from(rake([{ name: 'sex', levels: ['female', 'male'], cells: Int32Array.from([0, 0, 0, 1]), totals: [51, 49] }]).weights)).toEqual([17, 17, 17, 49]);
    expect(designMean(Float64Array.from([1, 0, 1, 1]), { clusters: Int32Array.from([0, 0, 1, 2]) }).estimate).toBe(0.75);
  });
});

describe('raked estimates of groups', () => {
  test('when a group\'s rows all lack the outcome, then the group is not listed and the others are', async () => {
    const rows = Array.from({ length: 40 }, (_, index) => ({ y: index % 4 === 3 ? null : index % 2, sex: index % 2 === 0 ? 'female' : 'male', g: index % 4 === 3 ? 'silent' : index % 4 === 0 ? 'a' : 'b' }));
    const result = await rakedEstimates(arrayRowSource(rows), { outcome: 'y', group: 'g', margins: [{ column: 'sex', levels: [{ level: 'female', total: 50 }, { level: 'male', total: 50 }] }] });
    expect(result.groups.map((group) => group.group)).toEqual(['a', 'b']);
  });
});
