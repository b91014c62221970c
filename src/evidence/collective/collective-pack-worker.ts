/**
 * A worker thread's task: one collective pack (build-collective-pack.ts). It reads the
 * records on its own connection, k-anonymises, renders and zips them — seconds at 100,000
 * donations, which on the server's thread would stop every request meanwhile. The findings come
 * from the release the server named (read here, not copied across threads), and the signature
 * from the server's thread through `signPort`: the private key stays where it was loaded.
 */
import type { MessagePort } from 'node:worker_threads';
import { openReadingStore } from '../../storage/open-reading-store';
import type { StoreLocation } from '../../storage/store';
import { readStoredRelease } from '../releases/release-document';
import type { SigningKey } from '../signing-key';
import { buildCollectivePack, type CollectivePack } from './build-collective-pack';
import { workerTask } from '../../workers/worker-task';
import { campaignInWorker, type SentCampaign } from '../../workers/campaign-across-threads';

export interface CollectivePackTask extends SentCampaign {
  location: StoreLocation;
  /** The release whose findings the pack carries (undefined: none yet). */
  releaseNumber?: number;
  signer: Pick<SigningKey, 'publicKeyPem' | 'fingerprint'>;
  /** Takes the manifest's bytes, answers with their signature (base64). */
  signPort: MessagePort;
  /** ISO 8601: the pack's creation time, as the server's clock gave it. */
  now: string;
}

function signThrough(port: MessagePort) {
  return (bytes: Uint8Array) => new Promise<string>((resolve) => {
    port.once('message', (signature: string) => resolve(signature));
    port.postMessage(bytes);
  });
}

async function packOf(data: CollectivePackTask): Promise<CollectivePack> {
  const store = await openReadingStore(data.location);
  try {
    const campaign = campaignInWorker(data, 'pack worker');
    // The stored release also holds the pack statistics, which are never published.
    const findings = data.releaseNumber === undefined ? undefined : (await readStoredRelease(store.repositories, campaign.slug, data.releaseNumber)).findings;
    return await buildCollectivePack(store, campaign, findings, { ...data.signer, sign: signThrough(data.signPort) }, new Date(data.now));
  } finally {
    data.signPort.close();
    await store.close();
  }
}

export default workerTask(packOf);
