/**
 * Raked figures in the findings (issue 13, item 3), on the generated sample of tests/fixtures/rake
 * (the youngest age band over-represented fourfold; nationality independent of everything, so
 * each nationality's population figures are the population's) and its generated margins.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { rakedEstimates } from '../../../../analysis/raked-estimates';
import { arrayRowSource } from '../../../../analysis/row-source';
import type { Row } from '../../../../analysis/types';
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { orderedLevelsOf } from '../../../../src/campaigns/ordered-levels';
import { loadPopulationMargins } from '../../../../src/campaigns/population-margins-file';
import { analyseRows } from '../../../../src/evidence/campaign-analyses';
import type { Comparison, GroupSummary } from '../../../../src/evidence/campaign-analyses-types';
import { analysableFields } from '../../../../src/evidence/campaign-rows';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/rake');
const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'population_truth.json'), 'utf8')) as { refusedRate: number; meanScore: number };
const plain = loadCampaigns().get('credit-scores')!;
const margins = loadPopulationMargins(path.join(FIXTURES, 'sample-margins.json'));
const campaign = { ...plain, populationMargins: margins };

/** The sample as the findings read a campaign's records: every score a SCHUFA base score, one stratum. */
function sampleRows(): Row[] {
  const empty = Object.fromEntries(analysableFields(plain).map((field) => [field.name, null]));
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(FIXTURES, 'credit_sample.csv'), 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((cells) => ({
    ...empty,
    donor: cells.donor,
    age_band: cells.age_band,
    sex: cells.sex,
    nationality: cells.nationality,
    application_refused: Number(cells.refused),
    bureau: 'schufa',
    score_type: 'base',
    score_value: cells.score_value === '' ? null : Number(cells.score_value),
    rating_class: cells.rating_class === '' ? null : cells.rating_class,
  }));
}

type Shown = Extract<GroupSummary, { suppressed: false }>;
const shownGroup = (comparison: Comparison | undefined, level: string) => comparison!.groups.find((group): group is Shown => group.level === level && !group.suppressed)!;

describe('raked figures in the findings', () => {
  let rows: Row[];
  let findings: Awaited<ReturnType<typeof analyseRows>>;
  beforeAll(async () => {
    rows = sampleRows();
    findings = await analyseRows(campaign, rows);
  });
  const comparison = (outcome: string, attribute: string) => findings.comparisons.find((candidate) => candidate.outcome === outcome && candidate.attribute === attribute && candidate.stratum !== null);

  test('when one age band is over-represented fourfold, then the raked rate and mean of a group are closer to the population\'s and cover it, the unweighted ones do not (issue 13, case c)', () => {
    const rate = shownGroup(comparison('application_refused', 'nationality'), 'german');
    const score = shownGroup(comparison('score_value', 'nationality'), 'german');
    const covers = (interval: { ciLow: number | null; ciHigh: number | null }, value: number) => interval.ciLow! <= value && value <= interval.ciHigh!;
    expect(Math.abs(rate.raked!.estimate - truth.refusedRate)).toBeLessThan(Math.abs(rate.estimate - truth.refusedRate) / 2);
    expect(covers(rate.raked!, truth.refusedRate)).toBe(true);
    expect(covers(rate, truth.refusedRate)).toBe(false);
    expect(Math.abs(score.raked!.estimate - truth.meanScore)).toBeLessThan(Math.abs(score.estimate - truth.meanScore) / 2);
    expect(covers(score.raked!, truth.meanScore)).toBe(true);
    expect(covers(score, truth.meanScore)).toBe(false);
    // The table says why: the youngest band is far more among the donors than in the population.
    const youngest = findings.representativeness!.levels.find((level) => level.margin === 'age_band' && level.level === '18-24')!;
    expect(youngest).toMatchObject({ suppressed: false, populationShare: 0.09 });
    expect(!youngest.suppressed && youngest.donorShare).toBeGreaterThan(0.25);
  });

  test('when one stratum is raked once for every attribute, then each group\'s figure is rakedEstimates\' on the stratum\'s rows, clustered by donor', async () => {
    for (const attribute of ['age_band', 'sex', 'nationality']) {
      const compared = comparison('application_refused', attribute)!;
      expect(compared.raking).toEqual({ raked: true, iterations: expect.any(Number), weightRatio: expect.any(Number) });
      const direct = await rakedEstimates(arrayRowSource(rows), { outcome: 'application_refused', group: attribute, cluster: 'donor', margins: margins.margins });
      for (const group of compared.groups.filter((candidate): candidate is Shown => !candidate.suppressed)) {
        const expected = direct.groups.find((candidate) => candidate.group === group.level);
        if (!expected) {
          // A group the margins do not count (sex "diverse") has no raked figure.
          expect(group.raked).toBeNull();
          continue;
        }
        expect(group.raked!.estimate).toBeCloseTo(expected.raked.estimate, 12);
        expect(group.raked!.stdError).toBeCloseTo(expected.raked.stdError, 12);
        expect(group.raked!.ciLow).toBeCloseTo(expected.raked.ciLow, 12);
      }
    }
  });

  test('when the outcome is ordered, then each group\'s raked figure is its mean position in the order, raked, as its unweighted figure is the mean position', async () => {
    const order = orderedLevelsOf(plain.schema.fields.find((field) => field.name === 'rating_class')!)!;
    // Answers outside the order ("unknown") are no answer; the others become their position, 1 = the first level.
    const positioned = rows.filter((row) => order.levels.includes(String(row.rating_class))).map((row): Row => ({ ...row, rating_class: order.levels.indexOf(String(row.rating_class)) + 1 }));
    const compared = comparison('rating_class', 'nationality')!;
    expect(compared.raking?.raked).toBe(true);
    const direct = await rakedEstimates(arrayRowSource(positioned), { outcome: 'rating_class', group: 'nationality', cluster: 'donor', margins: margins.margins });
    for (const group of compared.groups.filter((candidate): candidate is Shown => !candidate.suppressed)) {
      const expected = direct.groups.find((candidate) => candidate.group === group.level)!;
      // Unweighted, every record of the group counts (those outside the margins too): the plain mean position.
      const positions = positioned.filter((row) => row.nationality === group.level).map((row) => Number(row.rating_class));
      expect(group.estimate).toBeCloseTo(positions.reduce((sum, value) => sum + value, 0) / positions.length, 12);
      expect(group.raked!.estimate).toBeCloseTo(expected.raked.estimate, 12);
      expect(group.raked!.stdError).toBeCloseTo(expected.raked.stdError, 12);
    }
  });

  test('when the strata are pooled, then the pooled figure is not raked and says so', async () => {
    const twoStrata = rows.map((row, index) => (index % 2 === 0 ? row : { ...row, bureau: 'crif' }));
    const pooled = (await analyseRows(campaign, twoStrata)).comparisons.find((candidate) => candidate.outcome === 'score_value' && candidate.stratum === null)!;
    expect(pooled.raking).toEqual({ raked: false, reason: 'pooled' });
    expect(pooled.groups.every((group) => group.suppressed || group.raked === undefined)).toBe(true);
  });

  test('when a campaign ships no margins, then the findings have no raked figure and no representativeness', async () => {
    const unweighted = await analyseRows(plain, rows);
    expect(unweighted.representativeness).toBeUndefined();
    expect(unweighted.comparisons.every((candidate) => candidate.raking === undefined && candidate.groups.every((group) => group.suppressed || group.raked === undefined))).toBe(true);
  });
});
