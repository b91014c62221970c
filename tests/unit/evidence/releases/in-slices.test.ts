/** Work in slices on the event loop (in-slices.ts): the loop gets turns between slices. */
import { inSlices } from '../../../../src/evidence/releases/in-slices';

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

describe('inSlices over items made as they are reached', () => {
  test('when the items come from a generator, then each is made in its slice, in order', async () => {
    const events: string[] = [];
    function* lines() {
      for (const line of ['a', 'b']) {
        events.push(`made ${line}`);
        yield line;
      }
    }
    setImmediate(() => events.push('turn'));
    await inSlices(lines(), (line) => events.push(`handled ${line}`), 0);
    expect(events).toEqual(['made a', 'handled a', 'turn', 'made b', 'handled b']);
  });
});
