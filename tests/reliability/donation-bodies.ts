import { loadCampaigns } from '../../src/campaigns/load-campaigns';

const campaign = loadCampaigns().get('credit-scores')!;
const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));

/** The n-th donation: the example record with its own score, so every donation's content differs. */
export function creditScoreDonation(index: number) {
  return {
    consent: { version: campaign.consent.version, purposes: ['research'] },
    records: [{ ...example, score_value: 1 + (index % 9_999) }],
    locale: 'en',
  };
}
