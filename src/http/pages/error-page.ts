import type { Locale } from '../../campaigns/types';
import { translator, type MessageKey } from '../../i18n/messages';
import type { OperatorProfile } from '../../operator/operator-profile';
import { html } from '../views/html';
import { layout } from '../views/layout';

const TITLES: Record<number, MessageKey> = {
  400: 'errorTitle400', 403: 'errorTitle403', 404: 'errorTitle404', 409: 'errorTitle409', 413: 'errorTitle413', 429: 'errorTitle429', 500: 'errorTitle500',
};
/** Statuses whose cause a donor can act on without the (English) technical message. */
const EXPLANATIONS: Partial<Record<number, MessageKey>> = {
  403: 'errorText403', 404: 'errorText404', 413: 'errorText413', 429: 'errorText429', 500: 'errorText500',
};

/** An error page in the donor's language. */
export function renderErrorPage(input: { status: number; message: string; locale: Locale; operator: Pick<OperatorProfile, 'demo' | 'name'> }): string {
  const t = translator(input.locale);
  const status = TITLES[input.status] ? input.status : input.status >= 500 ? 500 : 400;
  const title = t(TITLES[status]);
  const explanationKey = EXPLANATIONS[status];
  return layout({ locale: input.locale, t, title, switcherPath: '/', operator: input.operator }, html`
<h1>${title}</h1>
<p>${explanationKey ? t(explanationKey) : input.message}</p>
<p><a href="/">${t('backHome')}</a></p>`);
}
