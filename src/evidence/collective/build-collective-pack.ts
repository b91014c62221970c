/**
 * Builds a collective evidence pack in memory: a zip that is a Frictionless Data Package with
 * the shareable records, the findings, charts, METHODS.md, a manifest of every file's SHA-256
 * and an Ed25519 signature over the manifest's exact bytes. Files are in a fixed order.
 */
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import type { Campaign } from '../../campaigns/types';
import type { Store } from '../../storage/store';
import { toCsv } from '../../csv/csv-cell';
import { version } from '../../version';
import type { PublishedFindings } from '../campaign-analyses-types';
import type { SigningKey } from '../signing-key';
import { dataPackage } from './datapackage';
import { methodsMarkdown } from './methods-markdown';
import { MANIFEST_PATH, PUBLIC_KEY_PATH, RECORDS_PATH, SIGNATURE_PATH, type PackManifest } from './pack-manifest';
import { packRecords, SHARING_PURPOSE } from './pack-records';
import { representativenessFiles } from './representativeness-table';
import { chartFiles, resultFiles } from './result-files';
import { recordsTableSchema } from './table-schema';

export const MAX_SUPPRESSED_SHARE = 0.05;

export interface CollectivePack {
  fileName: string;
  zip: Uint8Array;
  manifest: PackManifest;
}

/**
 * What signs a pack: the server's key, or (in a pack worker) a messenger to it, so the private
 * key never leaves the thread that loaded it.
 */
export type PackSigner = Pick<SigningKey, 'publicKeyPem' | 'fingerprint'> & { sign(bytes: Uint8Array): string | Promise<string> };

const encoder = new TextEncoder();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * @param findings the campaign's latest public release (undefined before the first): the results
 *   are the public ones, while the records are those stored now, so a withdrawn donation is in no
 *   pack built after its withdrawal. The manifest names the release.
 */
export async function buildCollectivePack(store: Pick<Store, 'snapshot'>, campaign: Campaign, findings: PublishedFindings | undefined, signingKey: PackSigner, now: Date = new Date()): Promise<CollectivePack> {
  const records = await packRecords(store, campaign, { maxSuppressedShare: MAX_SUPPRESSED_SHARE });
  return assemble(campaign, findings, records, signingKey, now);
}

async function assemble(campaign: Campaign, analyses: PublishedFindings | undefined, records: Awaited<ReturnType<typeof packRecords>>, signingKey: PackSigner, now: Date): Promise<CollectivePack> {
  const createdIso = now.toISOString();
  const createdOn = createdIso.slice(0, 10);
  const schema = recordsTableSchema(records.fields, records.levels);
  const recordsCsv = encoder.encode(toCsv(records.columns, records.rows));
  const described: Record<string, Uint8Array> = {
    [RECORDS_PATH]: recordsCsv,
    ...resultFiles(analyses),
    ...representativenessFiles(campaign, analyses),
    ...chartFiles(campaign, analyses),
    'METHODS.md': encoder.encode(methodsMarkdown(campaign, analyses, records, createdOn, signingKey.fingerprint)),
    [PUBLIC_KEY_PATH]: encoder.encode(signingKey.publicKeyPem),
  };
  // datapackage.json first in the zip, as before; it describes (and hashes) the files after it.
  const files: Record<string, Uint8Array> = {
    'datapackage.json': encoder.encode(`${JSON.stringify(dataPackage(campaign, schema, described, createdIso), null, 2)}\n`),
    ...described,
  };
  const manifest: PackManifest = {
    files: Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, sha256(bytes)])),
    datasetSha256: sha256(recordsCsv),
    software: { name: 'crowdaudit', version },
    parameters: {
      campaign: campaign.slug,
      campaignVersion: campaign.version,
      consentVersions: [campaign.consent.version],
      purposesFilter: [SHARING_PURPOSE],
      k: campaign.minGroupSize,
      maxSuppressedShare: MAX_SUPPRESSED_SHARE,
      generalisationLevels: records.levels,
      findingsRelease: analyses?.release ?? null,
      resultsComputedOn: 'all-donations',
    },
    counts: {
      donations: records.donations,
      records: records.records,
      included: records.rows.length,
      people: records.people,
      excluded: { noConsent: records.records - records.sharedRecords, suppressed: records.suppressedRecords },
    },
    signingKeyFingerprint: signingKey.fingerprint,
    createdOn: createdIso,
  };
  const manifestBytes = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const zip = zipSync({ ...files, [MANIFEST_PATH]: manifestBytes, [SIGNATURE_PATH]: encoder.encode(`${await signingKey.sign(manifestBytes)}\n`) }, { mtime: now });
  return { fileName: `crowdaudit-${campaign.slug}-${createdOn}.zip`, zip, manifest };
}
