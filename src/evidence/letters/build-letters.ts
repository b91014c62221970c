/**
 * The letters of a personal evidence pack, addressed and ready to send: to the controller the
 * record names (access, Art. 22(3), rectification, objection, the follow-up, and for a platform
 * deactivation the appeal) and to the supervisory authority (the complaint), each by the channel
 * the recipient takes (web form, e-mail or post).
 */
import { accessLetter } from './access-letter';
import { art22Letter } from './art22-letter';
import { complaintLetter, deactivationAppealLetter } from './complaint-and-appeal-letters';
import type { Letter, LetterChannel, LetterFacts, LetterId, LetterRecipient, LetterText } from './letter-types';
import { elementLabel, identityParagraphs, PHRASES } from './letter-phrases';
import { labelled } from '../field-value';
import { localAddress, localName } from './local-address';
import type { Authority, Controller } from './recipients';
import { followUpLetter, objectionLetter, rectificationLetter } from './rights-letters';
import { dateTimeFormat } from '../../i18n/intl-formats';

/** The channel the recipient asks for: its suggested medium when it has that contact, else e-mail, else post. */
export function channelOf(recipient: Pick<Controller | Authority, 'email' | 'webform' | 'suggested-transport-medium'>): LetterChannel {
  const medium = recipient['suggested-transport-medium'];
  if (medium === 'webform' && recipient.webform) return { kind: 'webform', url: recipient.webform };
  if (medium === 'letter' || medium === 'fax') return { kind: 'post' };
  if (recipient.email) return { kind: 'email', address: recipient.email };
  if (recipient.webform) return { kind: 'webform', url: recipient.webform };
  return { kind: 'post' };
}

function recipientOf(party: Controller | Authority, source: LetterRecipient['source'], facts: LetterFacts): LetterRecipient {
  const postedIn = channelOf(party).kind === 'post' ? facts.senderCountry : undefined;
  return { slug: party.slug, name: localName(party.name, facts.locale), addressLines: localAddress(party.address, facts.locale, postedIn), email: party.email, webform: party.webform, source };
}

/** What the recipient requires that the donor left empty: the letter shows a marked blank for each. */
function blanksOf(facts: LetterFacts, elements: readonly string[]): string[] {
  return elements.filter((element) => !facts.identity.find((detail) => detail.element === element)?.value).map((element) => elementLabel(facts.locale, element));
}

export function buildLetters(facts: LetterFacts): Letter[] {
  const controllerChannel = channelOf(facts.controller);
  const toController = (id: LetterId, text: LetterText): Letter => ({
    id,
    ...text,
    paragraphs: [...text.paragraphs, ...identityParagraphs(facts.locale, facts.identity, controllerChannel.kind === 'post')],
    recipient: recipientOf(facts.controller, 'controller', facts),
    channel: controllerChannel,
    language: facts.locale,
    blanks: blanksOf(facts, facts.identity.map((detail) => detail.element)),
  });
  const letters: Letter[] = [
    toController('access', accessLetter(facts)),
    toController('art22', art22Letter(facts)),
    toController('rectification', rectificationLetter(facts)),
    toController('objection', objectionLetter(facts)),
  ];
  if (facts.campaignKind === 'platform' && facts.deactivation) letters.push(toController('deactivation-appeal', deactivationAppealLetter(facts)));
  letters.push(toController('follow-up-logic', followUpLetter(facts)));
  if (facts.complaintAuthority) {
    const { authority, rule, lead } = facts.complaintAuthority;
    const phrases = PHRASES[facts.locale];
    const text = complaintLetter(facts);
    const [first, ...rest] = text.paragraphs;
    const channel = channelOf(authority);
    // An authority answers a complainant: the name and postal address, however the complaint is sent.
    const complainant = ['name', 'address'].map((element) => facts.identity.find((detail) => detail.element === element) ?? { element });
    const jurisdiction = [
      ...(lead ? [phrases.lead(`${localName(lead.name, facts.locale)}, ${localAddress(lead.address, facts.locale).join(', ')}`, facts.controller.name)] : []),
      ...(rule === 'federal-contact-point' || rule === 'donor-land' ? [phrases.forward] : []),
    ];
    letters.push({
      id: 'complaint',
      ...text,
      paragraphs: [first!, ...jurisdiction, ...rest, ...identityParagraphs(facts.locale, complainant, channel.kind === 'post')],
      recipient: { ...recipientOf(authority, 'authority', facts), rule },
      channel,
      language: facts.locale,
      // An authority needs to know who complains and where to answer: the name and the postal address.
      blanks: blanksOf(facts, ['name', 'address']),
    });
  }
  return letters;
}

function identityValue(facts: Pick<LetterFacts, 'identity' | 'locale'>, element: 'name' | 'address'): string[] {
  const value = facts.identity.find((detail) => detail.element === element)?.value;
  return (value ?? PHRASES[facts.locale].blank(elementLabel(facts.locale, element))).split(/\r?\n|,\s*(?=\d)/);
}

/** A letter cut where its layout needs it: a postal letter's sender, return line and window address, then the rest. */
export interface LetterParts {
  sender: string[];
  /** The sender in one line, printed small above the address so that a returned letter finds its way back. */
  returnLine?: string;
  /** The address shown in the window of an envelope (postal letters only). */
  window: string[];
  /** Everything after the address block: date, subject, body, closing, citations. */
  rest: string[];
}

/**
 * A letter laid out for its channel. By post: the sender, a return line and the recipient's
 * address where a window envelope shows it (DIN 5008 form B in German letters), then place and
 * date and the subject (without a "Betreff:" label in German, as DIN 5008 writes it). By e-mail:
 * the address and subject, then the body. Through a web form: the subject and the body, to paste.
 */
export function letterParts(letter: Letter, facts: Pick<LetterFacts, 'locale' | 'today' | 'identity'>): LetterParts {
  const phrases = PHRASES[facts.locale];
  const date = dateTimeFormat(facts.locale, { dateStyle: 'long' }).format(facts.today);
  const name = identityValue(facts, 'name');
  const body = [
    phrases.greeting, '',
    ...letter.paragraphs.flatMap((paragraph) => [paragraph, '']),
    phrases.closing, '',
    ...(letter.channel.kind === 'post' ? [phrases.signature] : []), ...name, '',
    letter.citations.join(' · '),
  ];
  if (letter.channel.kind === 'post') {
    const address = identityValue(facts, 'address');
    return {
      sender: [...name, ...address],
      returnLine: [...name, ...address].join(' · '),
      window: [letter.recipient.name, ...letter.recipient.addressLines],
      rest: [`${phrases.place}, ${date}`, '', letter.language === 'de' ? letter.subject : labelled(phrases.subjectLabel, letter.subject, facts.locale), '', ...body],
    };
  }
  const head = letter.channel.kind === 'email' ? [labelled(phrases.toLabel, letter.channel.address, facts.locale)] : [];
  return { sender: [], window: [], rest: [...head, labelled(phrases.subjectLabel, letter.subject, facts.locale), '', date, '', ...body] };
}

/** A letter as plain text, in the layout of `letterParts`. */
export function letterAsText(letter: Letter, facts: Pick<LetterFacts, 'locale' | 'today' | 'identity'>): string {
  const parts = letterParts(letter, facts);
  const address = parts.window.length > 0 ? [...parts.sender, '', parts.returnLine!, ...parts.window, ''] : [];
  return [...address, ...parts.rest].join('\n');
}
