/**
 * Intl formatters, made once per language and options and then shared. Making one takes 0.05–1 ms
 * (more when a language's data first loads), and a findings page or a personal pack formats
 * hundreds of numbers and dates: made per call, they were a third of a personal pack's 45 ms on
 * the event loop. They hold no state between calls, so sharing one is safe.
 */
const made = new Map<string, unknown>();

function once<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  let formatter = made.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    made.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return once('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return once('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function displayNames(locale: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames {
  return once('names', locale, options, () => new Intl.DisplayNames([locale], options));
}

export function listFormat(locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat {
  return once('list', locale, options, () => new Intl.ListFormat(locale, options));
}

/**
 * Loads each language's Intl data, before the server listens: the first formatter of a language
 * took 10–30 ms (its data loading), which the first personal pack or page in that language paid
 * on the event loop.
 */
export function loadIntlData(locales: readonly string[]): void {
  for (const locale of locales) {
    numberFormat(locale, { maximumFractionDigits: 2 }).format(1.5);
    numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(0.5);
    dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(0);
    displayNames(locale, { type: 'region' }).of('DE');
    displayNames(locale, { type: 'language' }).of('de');
    listFormat(locale, { type: 'conjunction' }).format(['a', 'b']);
  }
}
