import type { Locale } from '../campaigns/types';

export type Translator<Key extends string> = (key: Key, values?: Record<string, string | number>) => string;

/** A translator over one catalogue per locale; `{name}` in a text is replaced by `values.name`. */
export function catalogueTranslator<Key extends string>(catalogues: Record<Locale, Record<Key, string>>, locale: Locale): Translator<Key> {
  const catalogue = catalogues[locale];
  return (key, values = {}) => catalogue[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
