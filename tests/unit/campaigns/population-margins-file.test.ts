import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvRowSource } from '../../../analysis/load-csv';
import { rakedEstimates } from '../../../analysis/raked-estimates';
import { renderCampaignMarkdown } from '../../../src/campaigns/campaign-markdown';
import { DEFAULT_DICTIONARY_DIRECTORY, loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { campaignPopulationMargins, checkMarginsAgainstCampaign, loadPopulationMargins } from '../../../src/campaigns/population-margins-file';
import { profileErrors } from '../../helpers/frictionless-profiles';

const FIXTURES = path.resolve(__dirname, '../../fixtures/rake');
const credit = () => loadCampaigns().get('credit-scores')!;

/** A copy of the sample margins in a temporary folder, changed by `change`, loaded. */
function loadChanged(change: (descriptor: any, csv: string) => { descriptor: any; csv: string }) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-margins-'));
  try {
    const { descriptor, csv } = change(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sample-margins.json'), 'utf8')), fs.readFileSync(path.join(FIXTURES, 'sample-margins.csv'), 'utf8'));
    fs.writeFileSync(path.join(directory, 'sample-margins.json'), JSON.stringify(descriptor));
    fs.writeFileSync(path.join(directory, 'sample-margins.csv'), csv);
    return loadPopulationMargins(path.join(directory, 'sample-margins.json'));
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

describe('population margins beside the dictionary', () => {
  test('when the credit-scores margins are loaded, then they are Destatis 12411-0013 (31.12.2023) adults by age band and sex, on the dictionary\'s levels, with one total', () => {
    const margins = campaignPopulationMargins(credit())!;
    expect(margins.margins.map((margin) => margin.column)).toEqual(['age_band', 'sex']);
    expect(margins.margins[0].levels.map((level) => level.level)).toEqual(['18-24', '25-34', '35-44', '45-54', '55-64', '65+']);
    const total = (index: number) => margins.margins[index].levels.reduce((sum, level) => sum + level.total, 0);
    expect(total(0)).toBe(69_481_875);
    expect(total(1)).toBe(total(0));
    expect(margins.sources.every((source) => source.table === '12411-0013' && source.referenceDate === '2023-12-31')).toBe(true);
  });

  test('when the campaign page is generated, then it shows the margins with their shares and sources', () => {
    const markdown = renderCampaignMarkdown(credit());
    expect(markdown).toContain('## Population margins');
    expect(markdown).toContain('| `age_band` | `18-24` | 6005304 | 8.6% |');
    expect(markdown).toContain('table 12411-0013 (Bevölkerung: Bundesländer, Stichtag, Geschlecht, Altersjahre), 2023-12-31');
  });

  test('when the descriptors are checked against the official Tabular Data Resource profile, then they have no error', () => {
    for (const file of [path.join(DEFAULT_DICTIONARY_DIRECTORY, 'margins/credit-scores.json'), path.join(FIXTURES, 'sample-margins.json')]) {
      expect(profileErrors('tabularDataResource', JSON.parse(fs.readFileSync(file, 'utf8')))).toEqual([]);
    }
  });

  test('when a margin has no reference date, then loading fails naming the field', () => {
    expect(() => loadChanged((descriptor, csv) => {
      delete descriptor.margins[1].referenceDate;
      return { descriptor, csv };
    })).toThrow('sample-margins.json: margins[1].referenceDate:');
  });

  test('when a population count is not a whole number, then loading fails naming the CSV row and column', () => {
    expect(() => loadChanged((descriptor, csv) => ({ descriptor, csv: csv.replace('sex,male,490000', 'sex,male,49.5%') }))).toThrow('sample-margins.csv: row 9, population: must be a whole number of people, at least 1');
  });

  test('when a row names a margin the descriptor does not source, then loading fails naming it', () => {
    expect(() => loadChanged((descriptor, csv) => ({ descriptor, csv: `${csv}region,north,5\n` }))).toThrow('row 13, column: "region" is not a margin of sample-margins.json');
  });

  test('when a level is not one of the dictionary\'s values, then the check names the margin and the level', () => {
    const margins = loadChanged((descriptor, csv) => ({ descriptor, csv: csv.replace('sex,female', 'sex,weiblich') }));
    expect(() => checkMarginsAgainstCampaign(margins, credit())).toThrow('margins[1]: "weiblich" is not a value of credit-scores\'s field "sex"');
  });

  test('when the generated sample is raked to the real German margins, then every level is matched and "diverse" and "not-stated" rows are left out and counted', async () => {
    const margins = campaignPopulationMargins(credit())!;
    const result = await rakedEstimates(csvRowSource(path.join(FIXTURES, 'credit_sample.csv')), { outcome: 'refused', cluster: 'donor', margins: margins.margins });
    expect(result.raking.converged).toBe(true);
    const youngest = result.shares.find((share) => share.margin === 'age_band' && share.level === '18-24')!;
    expect(youngest.populationShare).toBeCloseTo(6_005_304 / 69_481_875, 12);
    expect(result.excluded.map((entry) => entry.value)).toEqual(['diverse', 'not-stated']);
  });
});
