/** Work in slices on the event loop (in-slices.ts): the loop gets turns between slices, and the sliced JSON is JSON.stringify's text. */
import { inSlices, stringifyInSlices } from '../../../../src/evidence/releases/in-slices';

describe('inSlices', () => {
  test('when a slice is used up, then the event loop gets a turn before the next item, and the items are handled in order', async () => {
    const events: string[] = [];
    setImmediate(() => events.push('turn'));
    // Slices of 0 ms: a turn after every item.
    await inSlices([1, 2, 3], (item) => events.push(`item ${item}`), 0);
    expect(events).toEqual(['item 1', 'turn', 'item 2', 'item 3']);
  });

  test('when the items take less than a slice, then they are handled without a turn', async () => {
    const events: string[] = [];
    setImmediate(() => events.push('turn'));
    await inSlices([1, 2, 3], (item) => events.push(`item ${item}`), 1_000);
    expect(events).toEqual(['item 1', 'item 2', 'item 3']);
  });
});

describe('stringifyInSlices', () => {
  test('when an object has arrays, nested values, entries without a JSON value and dates, then its text is JSON.stringify\'s, byte for byte', async () => {
    const object = {
      campaign: 'credit-scores',
      count: 3,
      nothing: null,
      skipped: undefined,
      method: () => 1,
      comparisons: [{ group: 'a', gap: 0.125, ci: [0.1, 0.2] }, undefined, 'text "quoted"\n', new Date('2026-12-03T10:00:00Z')],
      empty: [],
      nested: { levels: ['x', 'y'], when: new Date('2026-12-01T00:00:00Z') },
      unicode: 'Straße – élève',
    };
    await expect(stringifyInSlices(object as Record<string, unknown>)).resolves.toBe(JSON.stringify(object));
  });
});
