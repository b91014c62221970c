/**
 * The letters of a personal evidence pack, addressed and ready to print: to the controller the
 * donor picked (access, Art. 22(3), rectification, objection, the follow-up, and for a platform
 * deactivation the appeal) and to the supervisory authority (the complaint).
 */
import { accessLetter } from './access-letter';
import { art22Letter } from './art22-letter';
import { complaintLetter, deactivationAppealLetter } from './complaint-and-appeal-letters';
import type { Letter, LetterFacts, LetterId, LetterRecipient, LetterText } from './letter-types';
import { PHRASES } from './letter-phrases';
import { followUpLetter, objectionLetter, rectificationLetter } from './rights-letters';

function controllerRecipient(facts: LetterFacts): LetterRecipient {
  const { controller } = facts;
  return { name: controller.name, addressLines: controller.address.split('\n'), email: controller.email, webform: controller.webform, source: 'controller' };
}

export function buildLetters(facts: LetterFacts): Letter[] {
  const phrases = PHRASES[facts.locale];
  const placeholders = [phrases.name, phrases.address, phrases.birthDate];
  const toController = (id: LetterId, text: LetterText): Letter => ({ id, ...text, recipient: controllerRecipient(facts), placeholders });
  const letters: Letter[] = [
    toController('access', accessLetter(facts)),
    toController('art22', art22Letter(facts)),
    toController('rectification', rectificationLetter(facts)),
    toController('objection', objectionLetter(facts)),
  ];
  if (facts.campaignKind === 'platform' && facts.deactivation) letters.push(toController('deactivation-appeal', deactivationAppealLetter(facts)));
  letters.push(toController('follow-up-logic', followUpLetter(facts)));
  if (facts.complaintAuthority) {
    const { authority, rule } = facts.complaintAuthority;
    letters.push({
      id: 'complaint',
      ...complaintLetter(facts),
      recipient: { name: authority.name, addressLines: authority.address.split('\n'), email: authority.email, webform: authority.webform, source: 'authority', rule },
      placeholders,
    });
  }
  return letters;
}

/** A letter as plain text to print: sender blanks, the address used, date, subject, body, signature. */
export function letterAsText(letter: Letter, facts: Pick<LetterFacts, 'locale' | 'today'>): string {
  const phrases = PHRASES[facts.locale];
  const date = new Intl.DateTimeFormat(facts.locale, { dateStyle: 'long' }).format(facts.today);
  const recipient = letter.recipient;
  return [
    phrases.name, phrases.address, phrases.birthDate, '',
    recipient.name, ...recipient.addressLines, ...(recipient.email ? [recipient.email] : []), '',
    phrases.addressUsed.replace('{name}', [recipient.name, ...recipient.addressLines].join(', ')), '',
    `${phrases.place}, ${date}`, '',
    letter.subject, '',
    phrases.greeting, '',
    ...letter.paragraphs.flatMap((paragraph) => [paragraph, '']),
    phrases.closing, '', phrases.signature, phrases.name, '',
    letter.citations.join(' · '),
  ].join('\n');
}
