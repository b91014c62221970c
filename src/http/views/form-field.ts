/**
 * One dictionary field as a form control, with its label, hint and error, wired for screen
 * readers (`aria-describedby`, `aria-invalid`). Enum fields with few options become radio
 * buttons, which are easier on a phone than a select.
 */
import { localizedField } from '../../campaigns/localize';
import type { CampaignField, Locale } from '../../campaigns/types';
import type { Translate } from '../../i18n/messages';
import { html, type SafeHtml } from './html';

const MAX_RADIO_OPTIONS = 5;

export const RECORD_PREFIX = 'record.';

export function fieldId(name: string): string {
  return `field-${name}`;
}

interface FieldView {
  field: CampaignField;
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

function describedBy(name: string, error?: string): string {
  return error ? `hint-${name} error-${name}` : `hint-${name}`;
}

function choices(view: FieldView): Array<{ value: string; label: string }> {
  const { field, locale, t } = view;
  if (field.type === 'boolean') return [{ value: 'yes', label: t('yes') }, { value: 'no', label: t('no') }];
  const labels = localizedField(field, locale);
  return (field.constraints.enum ?? []).map((value) => ({ value, label: labels.label(value) }));
}

function radioGroup(view: FieldView, legend: SafeHtml): SafeHtml {
  const { field, value, error } = view;
  const options = choices(view).map((option, index) => {
    const id = index === 0 ? fieldId(field.name) : `${fieldId(field.name)}-${index}`;
    return html`<div class="choice"><input type="radio" id="${id}" name="${RECORD_PREFIX}${field.name}" value="${option.value}"${option.value === value ? html` checked` : ''}${field.constraints.required ? html` required` : ''}><label for="${id}">${option.label}</label></div>`;
  });
  return html`<fieldset class="field${error ? ' field-error' : ''}" aria-describedby="${describedBy(field.name, error)}"${error ? html` aria-invalid="true"` : ''}>
  <legend>${legend}</legend>
  <p class="hint" id="hint-${field.name}">${hintText(view)}</p>
  ${error ? html`<p class="error-message" id="error-${field.name}">${error}</p>` : ''}
  <div class="choices">${options}</div>
</fieldset>`;
}

function singleControl(view: FieldView): SafeHtml {
  const { field, value, error, t } = view;
  const id = fieldId(field.name);
  const common = html`id="${id}" name="${RECORD_PREFIX}${field.name}" aria-describedby="${describedBy(field.name, error)}"${error ? html` aria-invalid="true"` : ''}${field.constraints.required ? html` required` : ''}`;
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
      return html`<input type="month" class="input-short" ${common} value="${value}" placeholder="2024-03">`;
    default:
      return html`<input type="text" autocomplete="off" class="input-short" ${common} value="${value}">`;
  }
}

export function renderField(view: FieldView): SafeHtml {
  const { field, locale, t, error } = view;
  const title = localizedField(field, locale).title;
  const status = field.constraints.required ? t('required') : t('optional');
  const label = html`${title} <span class="field-status">(${status})</span>`;
  const optionCount = field.type === 'boolean' ? 2 : (field.constraints.enum?.length ?? 0);
  if (optionCount > 0 && optionCount <= MAX_RADIO_OPTIONS) return radioGroup(view, label);
  return html`<div class="field${error ? ' field-error' : ''}">
  <label for="${fieldId(field.name)}">${label}</label>
  <p class="hint" id="hint-${field.name}">${hintText(view)}</p>
  ${error ? html`<p class="error-message" id="error-${field.name}">${error}</p>` : ''}
  ${singleControl(view)}
</div>`;
}
