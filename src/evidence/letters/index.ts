/** The letters of a personal evidence pack: who they go to, what they say, how they are sent. */
export { buildLetters, channelOf, letterAsText, letterParts, type LetterParts } from './build-letters';
export type { IdentityDetail, Letter, LetterChannel, LetterFacts, LetterId, LetterRecipient } from './letter-types';
export { helpfulFindings, findingSentences, type HelpfulFinding } from './letter-findings';
export {
  authorityForComplaint, authorityLanguage, checkCampaignRecipients, controllerField, controllerLanguage, controllerOfRecord, controllersFor, loadRecipients,
  type Authority, type ComplaintAuthority, type ComplaintPlace, type Controller, type Recipients,
} from './recipients';
