/** The release rule: ISO 8601 intervals, defaults from k, and never fewer changes than k. */
import { campaignFileSchema } from '../../../../src/campaigns/dictionary-file-schema';
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { isoDurationMs } from '../../../../src/evidence/releases/iso-duration';
import { releaseRuleOf } from '../../../../src/evidence/releases/release-rule';
import { loadConfig } from '../../../../src/config';
import fs from 'node:fs';
import path from 'node:path';

const campaign = loadCampaigns().get('credit-scores')!;

describe('release rule', () => {
  test('when an interval is written in ISO 8601, then it is read in milliseconds; months and free text are refused', () => {
    expect(isoDurationMs('P1D')).toBe(86_400_000);
    expect(isoDurationMs('PT6H')).toBe(21_600_000);
    expect(isoDurationMs('P1W')).toBe(7 * 86_400_000);
    expect(isoDurationMs('P1DT1H30M15S')).toBe(86_400_000 + 5_415_000);
    expect(isoDurationMs('PT0S')).toBe(0);
    for (const bad of ['P', 'PT', 'P1M', 'P1Y', '1D', 'daily', 'P-1D', 'P1.5D', '']) expect(isoDurationMs(bad)).toBeUndefined();
  });

  test('when neither the dictionary nor the configuration sets it, then it is 2·k changes and a day', () => {
    expect(releaseRuleOf(campaign, {})).toEqual({ minChanges: 2 * campaign.minGroupSize, interval: 'P1D', intervalMs: 86_400_000 });
  });

  test('when the configuration overrides it, then the override wins, but never below k', () => {
    expect(releaseRuleOf(campaign, { releaseMinChanges: 50, releaseInterval: 'PT6H' })).toMatchObject({ minChanges: 50, intervalMs: 21_600_000 });
    expect(() => releaseRuleOf(campaign, { releaseMinChanges: 3 })).toThrow(/RELEASE_MIN_CHANGES is 3, below .*k = 5/);
    expect(() => releaseRuleOf({ ...campaign, releaseMinChanges: 4 }, {})).toThrow(/credit-scores: releaseMinChanges is 4/);
  });

  test('when the environment sets the rule, then it is parsed, and a bad value is named', () => {
    expect(loadConfig({ RELEASE_MIN_CHANGES: '25', RELEASE_INTERVAL: 'PT12H' })).toMatchObject({ releaseMinChanges: 25, releaseInterval: 'PT12H' });
    expect(() => loadConfig({ RELEASE_INTERVAL: 'daily' })).toThrow(/RELEASE_INTERVAL: must be an ISO 8601 duration/);
    expect(() => loadConfig({ RELEASE_MIN_CHANGES: 'many' })).toThrow(/RELEASE_MIN_CHANGES/);
  });

  test('when a dictionary sets releaseMinChanges below its k or a bad interval, then the file is refused naming the field', () => {
    const file = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../data-dictionary/credit-scores.json'), 'utf8'));
    const result = campaignFileSchema.safeParse({ ...file, releaseMinChanges: 3, releaseInterval: 'P1M' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['releaseMinChanges', 'releaseInterval']));
    expect(campaignFileSchema.safeParse({ ...file, releaseMinChanges: 20, releaseInterval: 'PT12H' }).success).toBe(true);
  });
});
