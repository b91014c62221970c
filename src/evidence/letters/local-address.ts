/**
 * Addresses and names as a letter in another language writes them: the recipients data ends an
 * address with the country in whatever language its source used ("The Netherlands", "Nederland",
 * "Deutschland"), and glosses some authorities' names in English; a German letter should say
 * "Niederlande" and drop "(Dutch Data Protection Authority)".
 */
import type { Locale } from '../../campaigns/types';
import { displayNames } from '../../i18n/intl-formats';

const COUNTRY_WORDS: Record<string, string> = {
  deutschland: 'DE', germany: 'DE', 'the netherlands': 'NL', netherlands: 'NL', nederland: 'NL', estonia: 'EE', finland: 'FI',
  'united kingdom': 'GB', france: 'FR', österreich: 'AT', austria: 'AT', belgium: 'BE', ireland: 'IE', luxembourg: 'LU',
  schweiz: 'CH', liechtenstein: 'LI', spain: 'ES', italy: 'IT', poland: 'PL', denmark: 'DK', sweden: 'SE', norway: 'NO',
};

/**
 * The address's lines with its last line, when it is a country, in the letter's language; left
 * out when the letter is posted in that same country (DIN 5008 names the country only abroad).
 */
export function localAddress(address: string, locale: Locale, postedIn?: string): string[] {
  const lines = address.split('\n');
  const code = COUNTRY_WORDS[lines.at(-1)!.trim().toLowerCase()];
  if (!code) return lines;
  if (postedIn?.toUpperCase() === code) return lines.slice(0, -1);
  return [...lines.slice(0, -1), displayNames(locale, { type: 'region' }).of(code) ?? lines.at(-1)!];
}

const ENGLISH_GLOSS = /\s*\((?:[^()]*\b(?:Authority|Office|Commission|Commissioner|Agency|Inspectorate|Ombudsman|Data Protection)\b[^()]*)\)\s*$/;

/** The recipient's name without an English gloss in brackets, unless the letter is English. */
export function localName(name: string, locale: Locale): string {
  return locale === 'en' ? name : name.replace(ENGLISH_GLOSS, '');
}
