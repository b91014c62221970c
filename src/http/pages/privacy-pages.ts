/** `/privacy` and `/imprint`: who runs this instance and what it does with donations. */
import { Router } from 'express';
import { localeOf } from '../../i18n/locale';
import { translator } from '../../i18n/messages';
import type { AppDependencies } from '../dependencies';
import { imprintPage, privacyPage } from '../views/privacy-views';
import { sendPage } from './page-context';

export function createPrivacyPages(dependencies: AppDependencies): Router {
  const router = Router();
  const contextOf = (req: Parameters<typeof localeOf>[0]) => {
    const locale = localeOf(req);
    return { locale, t: translator(locale), operator: dependencies.operator };
  };
  router.get('/privacy', (req, res) => {
    sendPage(res, privacyPage(dependencies.campaigns.list(), contextOf(req)));
  });
  router.get('/imprint', (req, res) => {
    sendPage(res, imprintPage(contextOf(req)));
  });
  return router;
}
