/**
 * What is wrong with one answer, said to a donor in their language: the form, the CSV review
 * page and the browser's CSV preview all turn zod's issue into the same plain sentence.
 */
import type { Translate } from '../i18n/messages';
import type { CampaignField } from './types';

/** The parts of a zod issue the message depends on; `input` is undefined for a missing answer. */
export interface FieldProblem {
  code?: string;
  input?: unknown;
}

export function fieldMessage(field: CampaignField, problem: FieldProblem, t: Translate): string {
  // A missing answer is told what kind of answer is wanted, not only that one is missing.
  const missing = problem.input === undefined && problem.code !== 'too_small' && problem.code !== 'too_big';
  if (missing && field.type === 'string' && !field.constraints.enum) return t('errorRequired');
  if (field.constraints.enum) return t('errorChoose');
  switch (field.type) {
    case 'boolean':
      return t('errorYesNo');
    case 'yearmonth':
      // A well-formed month that fails is after the current one (the only refinement on months).
      return problem.code === 'custom' && !missing ? t('errorFutureMonth') : t('errorMonth');
    case 'integer':
    case 'number': {
      const { minimum, maximum } = field.constraints;
      if (!missing && problem.code === 'invalid_type' && typeof problem.input === 'number' && field.type === 'integer') return t('errorWhole');
      if (minimum !== undefined && maximum !== undefined) return t('errorRange', { min: minimum, max: maximum });
      return t('errorNumber');
    }
    default:
      return field.constraints.pattern ? t('errorFormat', { name: String(field.example) }) : t('errorUnknown');
  }
}
