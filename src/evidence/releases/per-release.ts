/**
 * What is made from a release once per key (a language) and reused: the findings page's section
 * and the API's answer are megabytes at thousands of donations, and making them anew on each
 * request cost hundreds of ms. A release is named by its campaign and number (its findings stay
 * in the render threads: release-in-worker.ts); only each campaign's latest is kept, so what was
 * made goes when a new release replaces it. A key is a string (or none), compared by value: an
 * object made per request would never be found again, and the findings page was drawn anew on
 * every request (and kept, growing the map) while it was keyed so.
 */

/** A release by name: the campaign's slug and its number. */
export interface ReleaseName {
  campaign: string;
  number: number;
}

export function perRelease<Key extends string | undefined, Value>(make: (release: ReleaseName, key: Key) => Value): (release: ReleaseName, key: Key) => Value {
  const made = new Map<string, { number: number; byKey: Map<Key, Value> }>();
  return (release, key) => {
    let kept = made.get(release.campaign);
    if (kept?.number !== release.number) {
      kept = { number: release.number, byKey: new Map() };
      made.set(release.campaign, kept);
    }
    const { byKey } = kept;
    if (!byKey.has(key)) {
      const value = make(release, key);
      byKey.set(key, value);
      // A promise that fails is not kept: the next request makes it again.
      if (value instanceof Promise) {
        value.catch(() => {
          if (byKey.get(key) === value) byKey.delete(key);
        });
      }
    }
    return byKey.get(key) as Value;
  };
}
