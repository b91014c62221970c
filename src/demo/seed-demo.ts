/**
 * Fills a database with synthetic donations through the same service and validation as real
 * ones, so a demo shows findings and every seeded record is one the API would accept.
 */
import type { Campaign, DonationBody } from '../campaigns/types';
import type { DonationService } from '../donations/donation-service';
import { SeededRandom } from './random';
import { syntheticPerson, syntheticRecord } from './synthetic-record';

export interface SeedOptions {
  count: number;
  seed: number;
  now?: Date;
  onProgress?: (done: number) => void;
}

/** Records per donation: one form for form campaigns, a few dozen jobs for CSV campaigns. */
function recordsPerDonation(campaign: Campaign, random: SeededRandom): number {
  if (campaign.entry === 'form') return Math.min(campaign.maxRecords, random.pick([1, 1, 1, 2, 3]));
  return Math.min(campaign.maxRecords, random.integer(3, 40));
}

/** Donations written at once: on SQLite they share one commit (group commit), on PostgreSQL the pool's connections. */
const SEED_CHUNK = 250;

export async function seedDemo(campaign: Campaign, donations: DonationService, options: SeedOptions): Promise<{ donations: number; records: number }> {
  const random = new SeededRandom(options.seed);
  const now = options.now ?? new Date();
  let records = 0;
  let chunk: Array<Promise<unknown>> = [];
  for (let index = 0; index < options.count; index += 1) {
    const person = syntheticPerson(campaign, random, now);
    const size = recordsPerDonation(campaign, random);
    const body: DonationBody = {
      consent: {
        version: campaign.consent.version,
        purposes: campaign.consent.purposes.filter((purpose) => purpose.required || random.chance(0.7)).map((purpose) => purpose.id),
      },
      records: Array.from({ length: size }, () => syntheticRecord(campaign, random, now, person)),
      locale: random.pick(['en', 'de', 'de', 'fr'] as const),
    };
    const parsed = campaign.donationSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`seed-demo made an invalid record for ${campaign.slug} at ${issue.path.join('.')}: ${issue.message}`);
    }
    // The bodies are drawn in order, so a seed gives the same data however the writes interleave.
    chunk.push(donations.donateGrouped(campaign, parsed.data));
    records += size;
    if (chunk.length === SEED_CHUNK || index === options.count - 1) {
      await Promise.all(chunk);
      chunk = [];
      options.onProgress?.(index + 1);
    }
  }
  return { donations: options.count, records };
}
