/** Reading donor pages as a browser would post them back: hidden fields, the receipt code, a filled form. */
import type { Campaign } from '../../src/campaigns/types';

const ENTITIES: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** The value of the field `name` in the page, as the browser would send it (HTML entities decoded). */
export function hiddenValue(page: string, name: string): string {
  const match = new RegExp(`name="${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" value="([^"]*)"`).exec(page);
  if (!match) throw new Error(`no field ${name} in page`);
  return match[1]!.replace(/&(quot|#39|lt|gt|amp);/g, (entity) => ENTITIES[entity]!);
}

/** The receipt code on a receipt page (its groups are spans, so that a phone wraps it only between them). */
export function receiptIn(page: string): string {
  const match = /id="receipt-code"[^>]*>(.*?)<\/p>/.exec(page);
  if (!match) throw new Error('no receipt code in page');
  return match[1]!.replace(/<[^>]+>/g, '');
}

/** Every required field of the campaign answered with its example, as form text, with consent to research. */
export function filledForm(campaign: Campaign): Record<string, string> {
  const form: Record<string, string> = {};
  for (const field of campaign.schema.fields.filter((candidate) => candidate.constraints.required)) {
    form[`record.${field.name}`] = typeof field.example === 'boolean' ? (field.example ? 'yes' : 'no') : String(field.example);
  }
  return { ...form, consent_version: campaign.consent.version, purposes: 'research' };
}
