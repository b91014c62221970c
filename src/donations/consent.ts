import type { Campaign } from '../campaigns/types';

/** The required purposes (e.g. research) that the donor has not agreed to. */
export function missingRequiredPurposes(campaign: Campaign, agreed: readonly string[]): string[] {
  return campaign.consent.purposes.filter((purpose) => purpose.required && !agreed.includes(purpose.id)).map((purpose) => purpose.id);
}
