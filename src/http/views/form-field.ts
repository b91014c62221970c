/**
 * One dictionary field as a form control, with its label, hint and error, wired for screen
 * readers (`aria-describedby`, `aria-invalid`). Enum fields with few options become radio
 * buttons, which are easier on a phone than a select.
 */
import { localizedField } from '../../campaigns/localize';
import type { CampaignField, Locale } from '../../campaigns/types';
import { formTranslator } from '../../i18n/form-messages';
import type { Translate } from '../../i18n/messages';
import { html, type SafeHtml } from './html';

const MAX_RADIO_OPTIONS = 5;

export const RECORD_PREFIX = 'record.';

/**
 * The key of one control: the field's name for the person's facts and the first record block
 * (so a one-record form posts `record.score_value`, as it always has), `2.score_value` for the
 * third block. Form names are `record.<key>`, ids `field-<key>` with the dot as a dash.
 */
export function controlKey(field: Pick<CampaignField, 'name' | 'perDonor'>, recordIndex: number): string {
  return field.perDonor || recordIndex === 0 ? field.name : `${recordIndex}.${field.name}`;
}

function idPart(key: string): string {
  return key.replace('.', '-');
}

export function fieldId(key: string): string {
  return `field-${idPart(key)}`;
}

interface FieldView {
  field: CampaignField;
  /** The control's key (`controlKey`); the field's name when absent. */
  key?: string;
  locale: Locale;
  t: Translate;
  value: string;
  error?: string;
}

function hintText({ field, locale, t }: FieldView): string {
  const parts = [localizedField(field, locale).description];
  const { minimum, maximum } = field.constraints;
  if ((field.type === 'integer' || field.type === 'number') && minimum !== undefined && maximum !== undefined) {
    parts.push(t('rangeHint', { min: minimum, max: maximum }));
  }
  if (field.type === 'yearmonth') parts.push(t('monthHint'));
  return parts.join(' ');
}

function describedBy(id: string, error?: string): string {
  return error ? `hint-${id} error-${id}` : `hint-${id}`;
}

function keyOf(view: FieldView): string {
  return view.key ?? view.field.name;
}

function choices(view: FieldView): Array<{ value: string; label: string }> {
  const { field, locale, t } = view;
  if (field.type === 'boolean') return [{ value: 'yes', label: t('yes') }, { value: 'no', label: t('no') }];
  const labels = localizedField(field, locale);
  return (field.constraints.enum ?? []).map((value) => ({ value, label: labels.label(value) }));
}

function radioGroup(view: FieldView, legend: SafeHtml): SafeHtml {
  const { field, value, error, locale } = view;
  const key = keyOf(view);
  const id = idPart(key);
  // An optional question gets a way back to "no answer": a ticked radio button cannot be unticked.
  const all = field.constraints.required ? choices(view) : [...choices(view), { value: '', label: formTranslator(locale)('noAnswer') }];
  const options = all.map((option, index) => {
    const optionId = index === 0 ? fieldId(key) : `${fieldId(key)}-${index}`;
    return html`<div class="choice"><input type="radio" id="${optionId}" name="${RECORD_PREFIX}${key}" value="${option.value}"${option.value === value ? html` checked` : ''}${field.constraints.required ? html` required` : ''}><label for="${optionId}">${option.label}</label></div>`;
  });
  return html`<fieldset class="field${error ? ' field-error' : ''}" aria-describedby="${describedBy(id, error)}"${error ? html` aria-invalid="true"` : ''}>
  <legend>${legend}</legend>
  <p class="hint" id="hint-${id}">${hintText(view)}</p>
  ${error ? html`<p class="error-message" id="error-${id}">${error}</p>` : ''}
  <div class="choices">${options}</div>
</fieldset>`;
}

function singleControl(view: FieldView): SafeHtml {
  const { field, value, error, t } = view;
  const key = keyOf(view);
  const common = html`id="${fieldId(key)}" name="${RECORD_PREFIX}${key}" aria-describedby="${describedBy(idPart(key), error)}"${error ? html` aria-invalid="true"` : ''}${field.constraints.required ? html` required` : ''}`;
  if (field.constraints.enum) {
    const options = choices(view).map((option) => html`<option value="${option.value}"${option.value === value ? html` selected` : ''}>${option.label}</option>`);
    return html`<select ${common}><option value="">${t('chooseOne')}</option>${options}</select>`;
  }
  switch (field.type) {
    case 'integer':
      return html`<input type="text" inputmode="numeric" autocomplete="off" class="input-short" ${common} value="${value}">`;
    case 'number':
      return html`<input type="text" inputmode="decimal" autocomplete="off" class="input-short" ${common} value="${value}">`;
    case 'yearmonth':
      return html`<input type="month" class="input-short" ${common} value="${value}">`;
    default:
      return html`<input type="text" autocomplete="off" class="input-short" ${common} value="${value}">`;
  }
}

export function renderField(view: FieldView): SafeHtml {
  const { field, locale, t, error } = view;
  const id = idPart(keyOf(view));
  const title = localizedField(field, locale).title;
  const status = field.constraints.required ? t('required') : t('optional');
  const label = html`${title} <span class="field-status">(${status})</span>`;
  const optionCount = field.type === 'boolean' ? 2 : (field.constraints.enum?.length ?? 0);
  if (optionCount > 0 && optionCount <= MAX_RADIO_OPTIONS) return radioGroup(view, label);
  return html`<div class="field${error ? ' field-error' : ''}">
  <label for="${fieldId(keyOf(view))}">${label}</label>
  <p class="hint" id="hint-${id}">${hintText(view)}</p>
  ${error ? html`<p class="error-message" id="error-${id}">${error}</p>` : ''}
  ${singleControl(view)}
</div>`;
}
