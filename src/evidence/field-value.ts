/**
 * A record's value as a reader should see it: enum labels and yes/no in the reader's language,
 * numbers with their unit from the dictionary (cents shown as euros), so that no letter or page
 * says "pay: 1250" or "5.3 lower" without saying what.
 */
import { localizedField } from '../campaigns/localize';
import type { CampaignField, Locale } from '../campaigns/types';
import { numberFormat } from '../i18n/intl-formats';

const YES_NO: Record<Locale, [string, string]> = { en: ['yes', 'no'], de: ['ja', 'nein'], fr: ['oui', 'non'] };

/** A number in the field's unit: `1250` cents → "12.50 €"; `5.3` points → "5.3 points". */
export function amountText(field: CampaignField, value: number, locale: Locale): string {
  const divisor = field.unit?.divisor ?? 1;
  const digits = divisor === 1 ? { maximumFractionDigits: 2 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  const number = numberFormat(locale, digits).format(value / divisor);
  return field.unit ? `${number}\u00a0${field.unit.label[locale]}` : number;
}

export function fieldValueText(field: CampaignField, value: string | number | boolean, locale: Locale): string {
  if (typeof value === 'boolean') return YES_NO[locale][value ? 0 : 1];
  if (typeof value === 'number') return amountText(field, value, locale);
  return localizedField(field, locale).label(value);
}

/** How a donor's letter names the field: its first-person letter title where the form's title speaks to the donor. */
export function letterFieldTitle(field: CampaignField, locale: Locale): string {
  return field.letterTitle?.[locale] ?? localizedField(field, locale).title;
}

/** A title inside an English or French sentence starts lower-case ("whose nationality is"); German nouns keep their capital. */
export function midSentence(title: string, locale: Locale): string {
  return locale === 'de' || /^.[A-Z]/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

/** "Label: value" in the reader's typography (French puts a no-break space before the colon). */
export function labelled(label: string, value: string, locale: Locale): string {
  return locale === 'fr' ? `${label}\u00a0: ${value}` : `${label}: ${value}`;
}

/** Which way an outcome is good for the donor: a number's `favourable`, a yes/no outcome's `harmful` (true harmful: lower is better). */
export function favourableDirection(field: CampaignField): 'higher' | 'lower' | undefined {
  if (field.favourable) return field.favourable;
  if (field.type === 'boolean' && field.harmful !== undefined) return field.harmful ? 'lower' : 'higher';
  return undefined;
}
