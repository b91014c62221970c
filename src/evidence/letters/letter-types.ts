import type { Locale } from '../../campaigns/types';
import type { ComplaintAuthority, Controller } from './recipients';

export type LetterId = 'access' | 'art22' | 'rectification' | 'objection' | 'complaint' | 'deactivation-appeal' | 'follow-up-logic';

/** One detail the recipient needs to identify the person (`required-elements`), filled when the donor gave it. */
export interface IdentityDetail {
  /** `name`, `address`, `email`, `birthdate`, … as in the recipients data. */
  element: string;
  value?: string;
}

/**
 * What the letters say about the donor's case, in the letter's language. We store no identity:
 * the details the donor typed into the pack's form fill the letter once and are not kept.
 */
export interface LetterFacts {
  campaignKind: 'credit' | 'platform';
  /** The letter's language: the recipient's, not necessarily the donor's. */
  locale: Locale;
  today: Date;
  controller: Controller;
  complaintAuthority?: ComplaintAuthority;
  /** The decision as the donor reported it, with units, e.g. "Credit bureau: SCHUFA; Score: 97.5 points". */
  decision: string;
  /** A platform deactivation or suspension: adds the appeal under Directive (EU) 2024/2831. */
  deactivation: boolean;
  /** Findings that help the donor (see `helpfulFindings`), each as sentences in the donor's voice. */
  findings: string[][];
  /** The details the controller requires to identify the person. */
  identity: IdentityDetail[];
  /** ISO code of the donor's country: a letter posted there leaves the country out of the address. */
  senderCountry?: string;
  /** The donor's own account of what happened, when typed into the form (Art. 22(3): the right to express one's point of view). */
  account?: string;
}

/** How the recipient takes letters, from the recipients data. */
export type LetterChannel =
  | { kind: 'post' }
  | { kind: 'email'; address: string }
  | { kind: 'webform'; url: string };

export interface LetterRecipient {
  slug: string;
  name: string;
  addressLines: string[];
  email?: string;
  webform?: string;
  source: 'controller' | 'authority';
  rule?: ComplaintAuthority['rule'];
}

export interface Letter {
  id: LetterId;
  title: string;
  recipient: LetterRecipient;
  channel: LetterChannel;
  /** The language the letter is written in (the recipient's). */
  language: Locale;
  subject: string;
  paragraphs: string[];
  citations: string[];
  /** Required details the donor has not given: the letter leaves a marked blank for each. */
  blanks: string[];
}

/** A letter's words in one language. */
export interface LetterText {
  title: string;
  subject: string;
  paragraphs: string[];
  citations: string[];
}
