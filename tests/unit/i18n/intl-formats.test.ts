/** Intl formatters made once per language and options (intl-formats.ts), and formatting as a new one would. */
import { dateTimeFormat, displayNames, listFormat, numberFormat } from '../../../src/i18n/intl-formats';

describe('intl formats', () => {
  test('when the same language and options are asked for twice, then the same formatter comes back; other options or languages get their own', () => {
    expect(numberFormat('de', { maximumFractionDigits: 2 })).toBe(numberFormat('de', { maximumFractionDigits: 2 }));
    expect(numberFormat('de', { maximumFractionDigits: 1 })).not.toBe(numberFormat('de', { maximumFractionDigits: 2 }));
    expect(numberFormat('fr', { maximumFractionDigits: 2 })).not.toBe(numberFormat('de', { maximumFractionDigits: 2 }));
    expect(dateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' })).toBe(dateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }));
  });

  test('when they format, then the text is what a new Intl formatter gives', () => {
    expect(numberFormat('de', { maximumFractionDigits: 2 }).format(1234.567)).toBe(new Intl.NumberFormat('de', { maximumFractionDigits: 2 }).format(1234.567));
    expect(numberFormat('fr', { style: 'percent', maximumFractionDigits: 1 }).format(0.1234)).toBe(new Intl.NumberFormat('fr', { style: 'percent', maximumFractionDigits: 1 }).format(0.1234));
    const day = new Date('2026-12-03T00:00:00Z');
    expect(dateTimeFormat('de', { dateStyle: 'long', timeZone: 'UTC' }).format(day)).toBe('3. Dezember 2026');
    expect(displayNames('fr', { type: 'region' }).of('DE')).toBe('Allemagne');
    expect(listFormat('en', { type: 'conjunction' }).format(['age', 'sex', 'region'])).toBe('age, sex, and region');
  });
});
