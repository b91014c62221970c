/**
 * What is made from a release once per key (a language) and reused: the findings page's section
 * and the API's text are megabytes at thousands of donations, and making them anew on each
 * request cost hundreds of ms of the event loop. Entries are keyed by the release object that
 * `FindingsReleases` keeps, so they go when a new release replaces it. A key is a string (or none),
 * compared by value: an object made per request would never be found again, and the findings page
 * was drawn anew on every request (and kept, growing the map) while it was keyed so.
 */
import type { PublishedFindings } from '../campaign-analyses-types';

export function perRelease<Key extends string | undefined, Value>(make: (release: PublishedFindings, key: Key) => Value): (release: PublishedFindings, key: Key) => Value {
  const made = new WeakMap<PublishedFindings, Map<Key, Value>>();
  return (release, key) => {
    let byKey = made.get(release);
    if (!byKey) {
      byKey = new Map();
      made.set(release, byKey);
    }
    if (!byKey.has(key)) {
      const value = make(release, key);
      byKey.set(key, value);
      // A promise that fails is not kept: the next request makes it again.
      if (value instanceof Promise) {
        value.catch(() => {
          if (byKey!.get(key) === value) byKey!.delete(key);
        });
      }
    }
    return byKey.get(key) as Value;
  };
}
