/**
 * Which of a donation's records the pack is about, and that decision in the donor's words.
 * A credit donation is usually one score; a platform worker gives many jobs, and the pack speaks
 * about the decision that hurt: the first deactivation or suspension, else the first adverse one.
 */
import type { Campaign, Locale, RecordValues } from '../../campaigns/types';
import { fieldValueText, labelled, letterFieldTitle } from '../field-value';

const SEVERE_DECISIONS = ['deactivation', 'suspension'];

export function primaryRecord(campaign: Campaign, records: readonly RecordValues[]): RecordValues {
  if (campaign.slug === 'platform-decisions') {
    return records.find((record) => SEVERE_DECISIONS.includes(String(record.decision_type)))
      ?? records.find((record) => record.adverse === true)
      ?? records[0];
  }
  return records.find((record) => record.application_refused === true) ?? records[0];
}

export function isDeactivation(record: RecordValues): boolean {
  return SEVERE_DECISIONS.includes(String(record.decision_type));
}

/** For letters: the record's context and outcome answers, labelled in the first person and with units: "Credit bureau: SCHUFA; Score: 97.5 points; …". */
export function describeDecision(campaign: Campaign, record: RecordValues, locale: Locale): string {
  const parts = campaign.schema.fields
    .filter((field) => (field.role === 'context' || field.role === 'outcome') && record[field.name] !== undefined)
    // A yes/no outcome in the donor's favour ("refused: no") would only argue against the letter: it is left out.
    .filter((field) => !(field.type === 'boolean' && field.harmful !== undefined && record[field.name] === !field.harmful))
    .map((field) => labelled(letterFieldTitle(field, locale), fieldValueText(field, record[field.name]!, locale), locale));
  return parts.join(locale === 'fr' ? '\u00a0; ' : '; ');
}
