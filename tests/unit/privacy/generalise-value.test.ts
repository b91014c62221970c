import type { Generalisation } from '../../../src/campaigns/types';
import { generaliseValue, generalisationDepth } from '../../../src/privacy/generalise-value';

const ageBands: Generalisation = { method: 'map', levels: [{ '18-24': '18-34', '25-34': '18-34', '35-44': '35-54' }, { '18-34': '18-54', '35-54': '18-54' }] };

describe('generaliseValue', () => {
  it('when a map has two levels, then they apply one after the other and the last level hides the value', () => {
    expect(generalisationDepth(ageBands)).toBe(3);
    expect(generaliseValue('25-34', ageBands, 0)).toBe('25-34');
    expect(generaliseValue('25-34', ageBands, 1)).toBe('18-34');
    expect(generaliseValue('25-34', ageBands, 2)).toBe('18-54');
    expect(generaliseValue('25-34', ageBands, 3)).toBeNull();
    expect(generaliseValue('not-stated', ageBands, 2)).toBe('not-stated');
  });

  it('when numbers are banded, then each level uses its width', () => {
    const bands = { method: 'bands' as const, width: [10, 50] };
    expect(generaliseValue(37, bands, 1)).toBe('30-39');
    expect(generaliseValue(37, bands, 2)).toBe('0-49');
    expect(generaliseValue(37, bands, 3)).toBeNull();
  });

  it('when a postcode is truncated, a month made a year or a value suppressed, then the coarse value comes out', () => {
    expect(generaliseValue('10117', { method: 'truncate', lengths: [2, 1] }, 1)).toBe('10');
    expect(generaliseValue('10117', { method: 'truncate', lengths: [2, 1] }, 2)).toBe('1');
    expect(generaliseValue('2024-03', { method: 'year' }, 1)).toBe('2024');
    expect(generaliseValue('female', { method: 'suppress' }, 1)).toBeNull();
    expect(generaliseValue(null, { method: 'year' }, 1)).toBeNull();
  });

  it('when the level is beyond the generalisation, then it throws', () => {
    expect(() => generaliseValue('x', { method: 'suppress' }, 2)).toThrow(RangeError);
  });
});
