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

/**
 * `JSON.stringify(object)` of a plain object, the same text, made in slices: each array among
 * its entries element by element. The findings API's answer is 4 MB at 100,000 donations, and
 * stringifying it at once blocked the event loop for about 30 ms.
 */
export async function stringifyInSlices(object: Record<string, unknown>): Promise<string> {
  const entries: string[] = [];
  for (const [name, value] of Object.entries(object)) {
    if (!Array.isArray(value)) {
      const text = JSON.stringify(value) as string | undefined;
      // As JSON.stringify: entries without a JSON value (undefined, functions) are left out.
      if (text !== undefined) entries.push(`${JSON.stringify(name)}:${text}`);
      continue;
    }
    const elements: string[] = [];
    await inSlices(value, (element) => elements.push((JSON.stringify(element) as string | undefined) ?? 'null'));
    entries.push(`${JSON.stringify(name)}:[${elements.join(',')}]`);
  }
  return `{${entries.join(',')}}`;
}
