import type { Locale } from '../../campaigns/types';
import type { ComplaintAuthority, Controller } from './recipients';

export type LetterId = 'access' | 'art22' | 'rectification' | 'objection' | 'complaint' | 'deactivation-appeal' | 'follow-up-logic';

/** What the letters say about the donor's case, already in the donor's language. We hold no identity: names stay blanks. */
export interface LetterFacts {
  campaignKind: 'credit' | 'platform';
  locale: Locale;
  today: Date;
  controller: Controller;
  complaintAuthority?: ComplaintAuthority;
  /** The decision as the donor reported it, e.g. "SCHUFA base score 97.5 (version 3), report of March 2024". */
  decision: string;
  /** A platform deactivation or suspension: adds the appeal under Directive (EU) 2024/2831. */
  deactivation: boolean;
  /** The pack's findings as plain sentences; suppressed ones are simply not there. */
  evidence: string[];
}

export interface LetterRecipient {
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
  subject: string;
  paragraphs: string[];
  citations: string[];
  /** Blanks the donor fills in by hand (we know no names or addresses). */
  placeholders: string[];
}

/** A letter's words in one language. */
export interface LetterText {
  title: string;
  subject: string;
  paragraphs: string[];
  citations: string[];
}
