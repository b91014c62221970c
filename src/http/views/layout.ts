import { LOCALES, type Locale } from '../../campaigns/types';
import { formTranslator } from '../../i18n/form-messages';
import type { Translate } from '../../i18n/messages';
import { privacyTranslator } from '../../i18n/privacy-messages';
import type { OperatorProfile } from '../../operator/operator-profile';
import { html, type SafeHtml } from './html';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', fr: 'Français' };

export interface PageFrame {
  locale: Locale;
  t: Translate;
  title: string;
  /** Path the language switcher links to (a GET page; form state is not carried over). */
  switcherPath: string;
  /**
   * The id of a form on the page whose state must survive a change of language: the switcher
   * then submits that form (`switch_lang`), and the server shows the same step again in the
   * new language with every answer kept. Works without JavaScript (the `form` attribute).
   */
  switcherForm?: string;
  /** A wider column on large screens, for pages of tables (findings); forms stay narrow. */
  wide?: boolean;
  /** Named in the footer; a demo instance says so at the top of every page. */
  operator: Pick<OperatorProfile, 'demo' | 'name'>;
}

/** The page around every donor page: language, skip link, switcher, one column, no inline code. */
export function layout(frame: PageFrame, content: SafeHtml): string {
  const { locale, t } = frame;
  const pt = privacyTranslator(locale);
  const switcher = LOCALES.map((other) => {
    if (other === locale) return html`<li><span aria-current="true" lang="${other}">${LANGUAGE_NAMES[other]}</span></li>`;
    if (frame.switcherForm) {
      return html`<li><button type="submit" class="link-button" form="${frame.switcherForm}" name="switch_lang" value="${other}" formnovalidate lang="${other}" title="${formTranslator(other)('switchLanguage')}">${LANGUAGE_NAMES[other]}</button></li>`;
    }
    return html`<li><a href="${frame.switcherPath}?lang=${other}" lang="${other}" hreflang="${other}">${LANGUAGE_NAMES[other]}</a></li>`;
  });
  return `<!doctype html>\n${html`<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} – ${t('siteName')}</title>
<link rel="stylesheet" href="/static/styles.css">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip-link" href="#main">${t('skipToContent')}</a>
<header class="site-header">
  <a class="site-name" href="/">${t('siteName')}</a>
  <nav aria-label="${t('language')}"><ul class="language-switcher">${switcher}</ul></nav>
</header>
${frame.operator.demo ? html`<aside class="demo-banner" aria-label="${pt('demoBanner')}"><p>${pt('demoBanner')}</p></aside>` : ''}
<main id="main" tabindex="-1"${frame.wide ? html` class="main-wide"` : ''}>
${content}
</main>
<footer class="site-footer"><p>${t('footer')}</p>${frame.operator.demo ? '' : html`<p>${pt('operatedBy', { name: frame.operator.name })}</p>`}<p><a href="/my-donation">${t('myDonationLink')}</a> · <a href="/privacy">${pt('privacyLink')}</a> · <a href="/imprint">${pt('imprintLink')}</a></p></footer>
</body>
</html>`.value}\n`;
}
