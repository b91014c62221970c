/**
 * HTML from tagged templates: every interpolated value is escaped unless it is already `SafeHtml`
 * (the output of another `html` template). Arrays are joined; null, undefined and false vanish.
 */
import escapeHtml from 'escape-html';

export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let output = strings[0];
  values.forEach((value, index) => {
    output += render(value) + strings[index + 1];
  });
  return new SafeHtml(output);
}
