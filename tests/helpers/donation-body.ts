/** Builds a valid donation from what the public API says about a campaign, as a client would. */
import type { Express } from 'express';
import request from 'supertest';

export interface PublicField {
  name: string;
  type: string;
  example: string | number | boolean;
  role: string;
  constraints: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number };
}

export interface PublicCampaign {
  slug: string;
  minGroupSize: number;
  schema: { fields: PublicField[] };
  consent: { version: string; sha256: string; purposes: Array<{ id: string; required: boolean }> };
}

export async function fetchCampaign(app: Express, slug: string): Promise<PublicCampaign> {
  const response = await request(app).get(`/api/v1/campaigns/${slug}`).expect(200);
  return response.body as PublicCampaign;
}

/** One record with every field's example value. */
export function exampleRecord(campaign: PublicCampaign): Record<string, string | number | boolean> {
  return Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
}

export function donationBody(campaign: PublicCampaign, records = [exampleRecord(campaign)]) {
  return {
    consent: { version: campaign.consent.version, purposes: campaign.consent.purposes.filter((p) => p.required).map((p) => p.id) },
    records,
    locale: 'en',
  };
}
