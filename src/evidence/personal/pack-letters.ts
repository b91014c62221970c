/**
 * The pack's letters: each in its recipient's language (German to a German bureau or authority,
 * English to an international platform), with a translation in the donor's language beside it
 * when the two differ, the channel the recipient takes, and the details it requires to identify
 * the person filled from the pack's form (never stored) or left as marked blanks.
 */
import type { Campaign, Locale, RecordValues } from '../../campaigns/types';
import { guideTranslator } from '../../i18n/pack-guide-messages';
import type { CountryAdvice } from '../advice/country-advice';
import {
  authorityForComplaint, authorityLanguage, buildLetters, channelOf, controllerLanguage, controllerOfRecord, controllersFor, findingSentences,
  letterAsText, letterParts, type HelpfulFinding, type LetterParts, type IdentityDetail, type Letter, type LetterFacts, type Recipients,
} from '../letters';
import { describeDecision, isDeactivation } from './donor-record';
import { displayNames } from '../../i18n/intl-formats';

/** What the donor typed into the pack's form: used for this download only. */
export interface DonorDetails {
  name?: string;
  address?: string;
  email?: string;
  birthdate?: string;
  /** The donor's own account of what happened. */
  account?: string;
}

export interface PackLetterOptions {
  locale: Locale;
  controller?: string;
  country?: string;
  /** ISO 3166-2 suffix of the donor's German Land (BY, BE, …), for the complaint's authority. */
  land?: string;
  details?: DonorDetails;
  today: Date;
}

export type PackLetter = Letter & {
  text: string;
  /** The same text cut for a printed layout (window envelope). */
  parts: LetterParts;
  /** How to send it and what to check, in the donor's language (outside the letter). */
  howToSend: string[];
  /** The letter in the donor's language (title and text), when the recipient's language differs. */
  translation?: { language: Locale; title: string; text: string };
};

const DEFAULT_ELEMENTS = ['name', 'address'];

export function packLetters(campaign: Campaign, record: RecordValues, findings: HelpfulFinding[], recipients: Recipients, advice: Map<string, CountryAdvice>, options: PackLetterOptions): { controller?: string; letters: PackLetter[] } {
  const slug = options.controller ?? controllerOfRecord(campaign, record) ?? controllersFor(recipients, campaign)[0]?.slug;
  const controller = recipients.controllers.find((candidate) => candidate.slug === slug);
  if (!controller) return { letters: [] };
  const country = options.country ?? 'de';
  const complaintAuthority = authorityForComplaint(recipients, controller, { country, landAuthority: options.land ? advice.get('de')?.complaintAuthorityByLand?.[options.land] : undefined });
  const details = options.details ?? {};
  // The name always; what the controller requires; and a postal address where the answer comes by post.
  const elements = new Set(['name', ...(controller['required-elements'] ?? DEFAULT_ELEMENTS), ...(channelOf(controller).kind === 'post' || details.address?.trim() ? ['address'] : [])]);
  const identity: IdentityDetail[] = [...elements].map((element) => ({ element, value: details[element as keyof DonorDetails]?.trim() || undefined }));
  const factsIn = (locale: Locale): LetterFacts => ({
    campaignKind: campaign.slug === 'platform-decisions' ? 'platform' : 'credit',
    locale,
    today: options.today,
    controller,
    complaintAuthority,
    decision: describeDecision(campaign, record, locale),
    deactivation: isDeactivation(record),
    findings: findings.map((finding) => findingSentences(campaign, finding, locale)),
    identity,
    senderCountry: country,
    account: details.account,
  });
  const byLanguage = new Map<Locale, { facts: LetterFacts; letters: Letter[] }>();
  const lettersIn = (locale: Locale) => {
    if (!byLanguage.has(locale)) {
      const facts = factsIn(locale);
      byLanguage.set(locale, { facts, letters: buildLetters(facts) });
    }
    return byLanguage.get(locale)!;
  };
  const languageOf = (id: Letter['id']) => (id === 'complaint' && complaintAuthority ? authorityLanguage(complaintAuthority.authority) : controllerLanguage(controller));
  const gt = guideTranslator(options.locale);
  // The authority's own complaint language, when it is one crowdaudit does not write (Dutch, Polish …).
  const declared = complaintAuthority?.authority['complaint-language'];
  const languageName = displayNames(options.locale, { type: 'language' });
  return {
    controller: controller.slug,
    letters: lettersIn(options.locale).letters.map((donorVersion) => {
      const language = languageOf(donorVersion.id);
      const { facts, letters } = lettersIn(language);
      const letter = letters.find((candidate) => candidate.id === donorVersion.id)!;
      const channel = letter.channel;
      const howToSend = [
        channel.kind === 'webform' ? gt('sendWebform', { url: channel.url }) : channel.kind === 'email' ? gt('sendEmail', { address: channel.address }) : gt('sendPost'),
        gt('addressUsed', { address: [letter.recipient.name, ...letter.recipient.addressLines].join(', ') }),
        ...(donorVersion.blanks.length > 0 ? [gt('blanksToFill', { blanks: donorVersion.blanks.join(', ') })] : []),
        ...(letter.id === 'complaint' && declared && declared !== language
          ? [gt('writtenInEnglish', { language: languageName.of(declared) ?? declared })]
          : language !== options.locale ? [gt('writtenIn', { language: languageName.of(language) ?? language })] : []),
      ];
      const translation = language !== options.locale ? { language: options.locale, title: donorVersion.title, text: letterAsText(donorVersion, lettersIn(options.locale).facts) } : undefined;
      return { ...letter, text: letterAsText(letter, facts), parts: letterParts(letter, facts), howToSend, ...(translation ? { translation } : {}) };
    }),
  };
}
