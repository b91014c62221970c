/**
 * Work over many items on the event loop without blocking it: the items are handled in order,
 * and after each slice of about `sliceMs` the loop gets a turn (setImmediate: requests that
 * arrived meanwhile are answered) before the next slice. The total work is the same; no single
 * block of it is longer than a slice plus one item. Items may be made as they are reached (a
 * generator): making them then counts within the slices too.
 */
const SLICE_MS = 4;

export async function inSlices<T>(items: Iterable<T>, handle: (item: T) => void, sliceMs = SLICE_MS): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    handle(item);
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
