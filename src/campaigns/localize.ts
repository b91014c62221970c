/** A campaign's texts in one locale, for pages and letters. English is the fallback. */
import type { Campaign, CampaignField, Locale } from './types';

export interface LocalizedField {
  title: string;
  description: string;
  /** The label of an enum value, or the value itself when it has none. */
  label(value: string | number | boolean): string;
}

export function localizedField(field: CampaignField, locale: Locale): LocalizedField {
  const translation = locale === 'en' ? undefined : field.translations[locale];
  const labels = translation?.enumLabels ?? field.enumLabels ?? {};
  return {
    title: translation?.title ?? field.title,
    description: translation?.description ?? field.description,
    label: (value) => labels[String(value)] ?? String(value),
  };
}

export function campaignText(campaign: Campaign, locale: Locale) {
  return {
    title: campaign.title[locale],
    description: campaign.description[locale],
    decisionMaker: campaign.decisionMaker[locale],
    consentText: campaign.consent.text[locale],
    purposes: campaign.consent.purposes.map((purpose) => ({
      id: purpose.id,
      required: purpose.required,
      title: purpose.title[locale],
      description: purpose.description[locale],
    })),
  };
}
