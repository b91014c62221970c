/**
 * Where collective packs are built: in a worker thread (collective-pack-worker.ts) when the
 * database is a file or a server, so that a download never stops the server's other requests,
 * and in this thread for an in-memory database, which no worker can open. They share the
 * process's pool of job threads with findings releases.
 */
import { MessageChannel } from 'node:worker_threads';
import type { Campaign } from '../../campaigns/types';
import type { Store, StoreLocation } from '../../storage/store';
import type { WorkerPool } from '../../workers/worker-pool';
import type { FindingsReleases } from '../releases/findings-releases';
import type { SigningKey } from '../signing-key';
import { buildCollectivePack, type CollectivePack } from './build-collective-pack';
import type { CollectivePackTask } from './collective-pack-worker';
import { campaignForWorker } from '../../workers/campaign-across-threads';

/** Builds the campaign's pack with the findings of the release the public sees now (none before the first). */
export type BuildPack = (campaign: Campaign, now: Date) => Promise<CollectivePack>;

export function buildPackFor(store: Store, findings: Pick<FindingsReleases, 'current' | 'currentNumber'>, signingKey: SigningKey, jobs: WorkerPool): BuildPack {
  const { location } = store;
  if (location === undefined) return async (campaign, now) => buildCollectivePack(store, campaign, await findings.current(campaign), signingKey, now);
  return async (campaign, now) => {
    // The worker reads the release's findings itself: this thread only learns its number.
    const releaseNumber = await findings.currentNumber(campaign);
    return inWorker(jobs, location, campaign, releaseNumber, signingKey, now);
  };
}

async function inWorker(jobs: WorkerPool, location: StoreLocation, campaign: Campaign, releaseNumber: number | undefined, signingKey: SigningKey, now: Date): Promise<CollectivePack> {
  const { port1: signer, port2: signPort } = new MessageChannel();
  signer.on('message', (bytes: Uint8Array) => signer.postMessage(signingKey.sign(bytes)));
  const task: CollectivePackTask = {
    location,
    ...campaignForWorker(campaign),
    ...(releaseNumber === undefined ? {} : { releaseNumber }),
    signer: { publicKeyPem: signingKey.publicKeyPem, fingerprint: signingKey.fingerprint },
    signPort,
    now: now.toISOString(),
  };
  try {
    return await jobs.run<CollectivePack>('evidence/collective/collective-pack-worker', task, `Building the pack of ${campaign.slug}`, [signPort]);
  } finally {
    signer.close();
  }
}
