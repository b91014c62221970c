/**
 * A dictionary text field whose values look like numbers (postcode regions "10", "20") is a place,
 * not a quantity: the adjusting regressions read it as categories, so each region has its effect.
 */
import type { Row } from '../../../analysis/types';
import { compareGroups } from '../../../src/evidence/group-comparison';
import { compareOrderedGroups } from '../../../src/evidence/ordinal-comparison';

const regions = ['10', '20', '30'];

/** 30 donors per region with one record each; pay and class depend on the region, and on a coded factor. */
function rows(): Row[] {
  return regions.flatMap((region, regionIndex) => Array.from({ length: 30 }, (_unused, index): Row => ({
    donor: `${region}-${index}`,
    postcode_region: region,
    shift: String(1 + (index % 3)),
    pay: 1000 + 150 * regionIndex + 40 * (index % 3) + ((index * 37) % 11) * 10,
    class: ['A', 'B', 'C', 'D'][(index + regionIndex) % 4],
  })));
}

const input = { attribute: 'postcode_region', legitimate: ['shift'], textFields: ['postcode_region', 'shift'], minGroupSize: 5, stratum: {} };

describe('text fields as categories in the findings', () => {
  test('when a region is written in digits, then the adjusted mean comparison gives each region its own effect', async () => {
    const { effects, comparison } = await compareGroups({ ...input, rows: rows(), outcome: 'pay', kind: 'mean' });
    expect(comparison.adjustedFor).toEqual(['shift']);
    const shown = effects.filter((effect) => !effect.suppressed);
    expect(shown.map((effect) => effect.level)).toEqual(['20', '30']);
    for (const effect of shown) {
      if (effect.suppressed) continue;
      expect(effect.adjusted).not.toBeNull();
      expect((effect as { adjustedNote?: string }).adjustedNote).toBeUndefined();
    }
  });

  test('when a region is written in digits, then proportional odds gives each region its own effect', async () => {
    const order = { levels: ['A', 'B', 'C', 'D'], missingLevels: [], direction: 'best-first' as const };
    const { effects } = await compareOrderedGroups({ ...input, rows: rows(), outcome: 'class', order });
    const shown = effects.filter((effect) => !effect.suppressed);
    expect(shown).toHaveLength(2);
    for (const effect of shown) if (!effect.suppressed) expect(effect.adjusted).not.toBeNull();
  });
});
