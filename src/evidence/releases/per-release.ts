/**
 * What is made from a release once per key (a language) and reused: the findings page's section
 * and the API's text are megabytes at thousands of donations, and making them anew on each
 * request cost hundreds of ms of the event loop. Entries are keyed by the release object that
 * `FindingsReleases` keeps, so they go when a new release replaces it.
 */
import type { PublishedFindings } from '../campaign-analyses-types';

export function perRelease<Key, Value>(make: (release: PublishedFindings, key: Key) => Value): (release: PublishedFindings, key: Key) => Value {
  const made = new WeakMap<PublishedFindings, Map<Key, Value>>();
  return (release, key) => {
    let byKey = made.get(release);
    if (!byKey) {
      byKey = new Map();
      made.set(release, byKey);
    }
    if (!byKey.has(key)) byKey.set(key, make(release, key));
    return byKey.get(key) as Value;
  };
}
