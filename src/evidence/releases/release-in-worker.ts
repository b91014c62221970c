/**
 * A stored release as a render thread reads it: by number, on a connection of its own, and kept
 * (each campaign's last one) for the thread's next tasks, since the findings API, the page in
 * each language and every personal pack of a release ask for the same one. The server's thread
 * never parses a release when it has workers: at 100,000 donations that built tens of MB of
 * objects on the event loop, whose young-generation collections then held it 10–25 ms at a time.
 */
import { openReadingStore } from '../../storage/open-reading-store';
import type { StoreLocation } from '../../storage/store';
import { readStoredRelease, type StoredRelease } from './release-document';

/** Per database and campaign, the latest release read: requests for several campaigns do not evict each other's. */
const kept = new Map<string, { number: number; release: Promise<StoredRelease> }>();

/** @throws Error "release N of <slug> is not in the database" */
export function storedReleaseInWorker(location: StoreLocation, slug: string, number: number): Promise<StoredRelease> {
  const key = JSON.stringify([location, slug]);
  let reading = kept.get(key);
  if (reading?.number !== number) {
    const started = { number, release: readOnce(location, slug, number) };
    kept.set(key, started);
    // A failed reading is not kept: the next task reads again.
    started.release.catch(() => {
      if (kept.get(key) === started) kept.delete(key);
    });
    reading = started;
  }
  return reading.release;
}

async function readOnce(location: StoreLocation, slug: string, number: number): Promise<StoredRelease> {
  const store = await openReadingStore(location);
  try {
    return await readStoredRelease(store.repositories, slug, number);
  } finally {
    await store.close();
  }
}
