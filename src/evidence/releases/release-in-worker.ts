/**
 * A stored release as a render thread reads it: by number, on a connection of its own, and kept
 * (the last one) for the thread's next task, since the findings API, the page in each language
 * and every personal pack of a release ask for the same one. The server's thread never parses a
 * release when it has workers: at 100,000 donations that built 30 MB of objects on the event
 * loop, whose young-generation collections then held it for 10–25 ms at a time.
 */
import { openReadingStore } from '../../storage/open-reading-store';
import type { StoreLocation } from '../../storage/store';
import { readStoredRelease, type StoredRelease } from './release-document';

let lastRead: { key: string; release: Promise<StoredRelease> } | undefined;

/** @throws Error "release N of <slug> is not in the database" */
export function storedReleaseInWorker(location: StoreLocation, slug: string, number: number): Promise<StoredRelease> {
  const key = JSON.stringify([location, slug, number]);
  if (lastRead?.key !== key) {
    const reading = { key, release: readOnce(location, slug, number) };
    lastRead = reading;
    // A failed reading is not kept: the next task reads again.
    reading.release.catch(() => {
      if (lastRead === reading) lastRead = undefined;
    });
  }
  return lastRead!.release;
}

async function readOnce(location: StoreLocation, slug: string, number: number): Promise<StoredRelease> {
  const store = await openReadingStore(location);
  try {
    return await readStoredRelease(store.repositories, slug, number);
  } finally {
    await store.close();
  }
}
