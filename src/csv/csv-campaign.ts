import type { Campaign } from '../campaigns/types';

/**
 * What reading a CSV needs of a campaign: its fields, limits and record schema. Narrower than
 * `Campaign`, so the browser can build it from the public dictionary without the server's parts.
 */
export type CsvCampaign = Pick<Campaign, 'slug' | 'schema' | 'maxRecords' | 'recordSchema' | 'coerceRecord'>;
