/** The letters of a personal evidence pack: who they go to, what they say, how they print. */
export { buildLetters, letterAsText } from './build-letters';
export type { Letter, LetterFacts, LetterId, LetterRecipient } from './letter-types';
export { authorityForComplaint, CAMPAIGN_CONTROLLERS, controllersFor, loadRecipients, type Authority, type ComplaintAuthority, type Controller, type Recipients } from './recipients';
