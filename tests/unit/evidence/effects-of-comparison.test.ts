/** A comparison's effects looked up in the index made once per release: the same effects, in the same order, as comparing each one. */
import type { CampaignFindings, Effect } from '../../../src/evidence/campaign-analyses-types';
import { effectsOf, stratumKey } from '../../../src/evidence/same-comparison';

const effect = (outcome: string, attribute: string, stratum: Record<string, string> | null, level: string, suppressed = false) =>
  ({ outcome, attribute, stratum, level, suppressed }) as unknown as Effect;

describe('effectsOf', () => {
  const effects = [
    effect('score', 'gender', null, 'female'),
    effect('score', 'gender', { bureau: 'SCHUFA', kind: 'base' }, 'female'),
    effect('approved', 'gender', null, 'female'),
    effect('score', 'gender', null, 'diverse', true),
    // The same stratum with its fields in another order is the same comparison.
    effect('score', 'gender', { kind: 'base', bureau: 'SCHUFA' }, 'diverse'),
    effect('score', 'age', null, '60+'),
  ];
  const findings = { effects } as unknown as CampaignFindings;
  const naive = (comparison: { outcome: string; attribute: string; stratum: Record<string, string> | null }) => effects.filter((candidate) =>
    candidate.outcome === comparison.outcome && candidate.attribute === comparison.attribute && stratumKey(candidate.stratum) === stratumKey(comparison.stratum));

  test('when a comparison is looked up, then its effects are those that compare the same outcome, attribute and stratum, suppressed ones too, in the release\'s order', () => {
    const comparisons = [
      { outcome: 'score', attribute: 'gender', stratum: null },
      { outcome: 'score', attribute: 'gender', stratum: { bureau: 'SCHUFA', kind: 'base' } },
      { outcome: 'approved', attribute: 'gender', stratum: null },
      { outcome: 'score', attribute: 'age', stratum: null },
      { outcome: 'approved', attribute: 'age', stratum: null },
    ];
    for (const comparison of comparisons) expect(effectsOf(findings, comparison)).toEqual(naive(comparison));
    expect(effectsOf(findings, comparisons[0]!).map((found) => found.level)).toEqual(['female', 'diverse']);
    expect(effectsOf(findings, comparisons[1]!).map((found) => found.level)).toEqual(['female', 'diverse']);
    expect(effectsOf(findings, comparisons[4]!)).toEqual([]);
  });
});
