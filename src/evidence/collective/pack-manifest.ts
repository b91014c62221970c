/** The shape of a collective pack's `manifest.json`, shared by the builder and the verifier. */
export interface PackManifest {
  /** SHA-256 (hex) of every file in the pack but manifest.json and manifest.sig, by path. */
  files: Record<string, string>;
  /** SHA-256 (hex) of data/records.csv, the published dataset. */
  datasetSha256: string;
  software: { name: 'crowdaudit'; version: string };
  parameters: {
    campaign: string;
    campaignVersion: string;
    consentVersions: string[];
    purposesFilter: string[];
    k: number;
    maxSuppressedShare: number;
    generalisationLevels: Record<string, number>;
    /** The public release the results are (null before the first); the records are those stored now. */
    findingsRelease: { number: number; releasedOn: string } | null;
    resultsComputedOn: 'all-donations';
  };
  counts: {
    donations: number;
    records: number;
    included: number;
    people: number;
    excluded: { noConsent: number; suppressed: number };
  };
  signingKeyFingerprint: string;
  createdOn: string;
}

export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
export const PUBLIC_KEY_PATH = 'signing-key.pem';
export const RECORDS_PATH = 'data/records.csv';
